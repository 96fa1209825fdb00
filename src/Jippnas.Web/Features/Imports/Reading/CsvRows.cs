using System.Runtime.CompilerServices;
using System.Text;

namespace Jippnas.Web.Features.Imports.Reading;

/// <summary>
/// CSV as RFC 4180 writes it and Excel saves it: a header row, then one record per row; comma or semicolon
/// (whichever the header has more of outside quotes); fields in double quotes may hold the separator, line
/// breaks and doubled quotes. A quote inside an unquoted field is kept as written. Rows are numbered as a
/// spreadsheet shows them (the header is row 1), whatever line breaks quoted fields hold.
/// </summary>
internal static class CsvRows
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = new Parser(reader);
        var header = await parser.NextAsync(1, cancellationToken);
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException(new ImportError(1, "*", "baris pertama harus berisi nama kolom."));
        }

        var columns = Columns(header);
        var rows = 0;
        for (var row = 2; ; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = await parser.NextAsync(row, cancellationToken, columns);
            if (fields is null)
            {
                yield break;
            }

            // Blank lines, and rows of bare separators (a spreadsheet saves cleared rows as ";;;;").
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++rows > ImportFiles.MaxRows)
            {
                throw new ImportFileException(ImportFiles.TooManyRows(row));
            }

            if (fields.Count > columns.Count && fields.Skip(columns.Count).Any(f => f.Length > 0))
            {
                throw new ImportFileException(new ImportError(row, "*", $"baris ini berisi {fields.Count} kolom, sedangkan judul kolom hanya {columns.Count}."));
            }

            var cells = new Dictionary<string, string?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[columns[i]] = i < fields.Count && fields[i].Length > 0 ? fields[i] : null;
            }

            yield return new ImportRow(row, cells);
        }
    }

    private static List<string> Columns(List<string> header)
    {
        if (header.Count > ImportFiles.MaxColumns)
        {
            throw new ImportFileException(new ImportError(1, "*", $"lebih dari {ImportFiles.MaxColumns} kolom."));
        }

        var columns = new List<string>(header.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
            {
                throw new ImportFileException(new ImportError(1, $"#{i + 1}", "nama kolom kosong."));
            }

            if (!seen.Add(name))
            {
                throw new ImportFileException(new ImportError(1, name, "nama kolom muncul dua kali."));
            }

            columns.Add(name);
        }

        return columns;
    }

    private sealed class Parser(TextReader reader)
    {
        private readonly char[] buffer = new char[64 * 1024];
        private readonly StringBuilder field = new();
        private int length;
        private int at;
        private char separator;

        public async Task<List<string>?> NextAsync(int row, CancellationToken cancellationToken, List<string>? columns = null)
        {
            if (!await FillAsync(row, cancellationToken))
            {
                return null;
            }

            if (separator == default)
            {
                separator = ChooseSeparator();
            }

            var fields = new List<string>(columns?.Count ?? 8);
            field.Clear();
            var quoted = false;
            var closed = false;
            while (true)
            {
                if (at == length && !await FillAsync(row, cancellationToken))
                {
                    if (quoted && !closed)
                    {
                        throw new ImportFileException(new ImportError(row, Column(columns, fields.Count), "tanda kutip (\") dibuka tetapi tidak pernah ditutup."));
                    }

                    fields.Add(field.ToString());
                    return fields;
                }

                var c = buffer[at++];
                if (quoted && !closed)
                {
                    if (c != '"')
                    {
                        Append(c, row, columns, fields.Count);
                        continue;
                    }

                    if (at == length && !await FillAsync(row, cancellationToken))
                    {
                        closed = true;
                        continue;
                    }

                    if (buffer[at] == '"')
                    {
                        at++;
                        Append('"', row, columns, fields.Count);
                    }
                    else
                    {
                        closed = true;
                    }

                    continue;
                }

                if (c == separator)
                {
                    // One line of separators must not fill the memory: stop at once past the widest allowed row.
                    if (fields.Count > Math.Max(columns?.Count ?? 0, ImportFiles.MaxColumns))
                    {
                        throw new ImportFileException(new ImportError(row, "*", $"baris ini berisi lebih dari {ImportFiles.MaxColumns} kolom."));
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = closed = false;
                    continue;
                }

                if (c is '\r' or '\n')
                {
                    if (c == '\r' && (at < length || await FillAsync(row, cancellationToken)) && buffer[at] == '\n')
                    {
                        at++;
                    }

                    fields.Add(field.ToString());
                    return fields;
                }

                if (closed)
                {
                    throw new ImportFileException(new ImportError(row, Column(columns, fields.Count), "setelah tanda kutip penutup harus ada pemisah kolom atau akhir baris."));
                }

                if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                    continue;
                }

                Append(c, row, columns, fields.Count);
            }
        }

        private void Append(char c, int row, List<string>? columns, int index)
        {
            if (field.Length >= ImportFiles.MaxCellLength)
            {
                throw new ImportFileException(new ImportError(row, Column(columns, index), $"isi sel lebih dari {ImportFiles.MaxCellLength:N0} karakter."));
            }

            field.Append(c);
        }

        private static string Column(List<string>? columns, int index) =>
            columns is not null && index < columns.Count ? columns[index] : $"#{index + 1}";

        // The header row decides: more semicolons than commas outside quotes means semicolons (Excel in Indonesian).
        private char ChooseSeparator()
        {
            int commas = 0, semicolons = 0;
            var inQuotes = false;
            for (var i = at; i < length; i++)
            {
                var c = buffer[i];
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (!inQuotes && c is '\r' or '\n')
                {
                    break;
                }
                else if (!inQuotes)
                {
                    commas += c == ',' ? 1 : 0;
                    semicolons += c == ';' ? 1 : 0;
                }
            }

            return semicolons > commas ? ';' : ',';
        }

        private async Task<bool> FillAsync(int row, CancellationToken cancellationToken)
        {
            if (at < length)
            {
                return true;
            }

            try
            {
                length = await reader.ReadAsync(buffer, cancellationToken);
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw new ImportFileException(ImportFiles.NotUtf8(row));
            }

            at = 0;
            return length > 0;
        }
    }
}
