using System.Text.Json;
using System.Text.Json.Serialization;
using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Maturity;

/// <summary>
/// Reads a maturity instrument from its file (JSON, keys in Indonesian; see <c>docs/design/hubs.md</c> and the
/// instrument shipped in <c>Data/Reference/maturity-2025.json</c>) and checks it whole: every problem is named by
/// its place in the file ("aspek 2 (B), pertanyaan B3, pilihan 1: …"), and nothing is built unless there is none.
/// </summary>
public static class MaturityInstrumentFile
{
    public const int MaxBytes = 1024 * 1024, MaxAspects = 20, MaxQuestions = 200, MaxOptions = 10, MaxLevels = 10, FirstYear = 2020;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The instrument in <paramref name="text"/>, or the problems found (then null); <paramref name="latestYear"/> bounds its year.</summary>
    public static (MaturityInstrument? Instrument, IReadOnlyList<string> Problems) Read(string text, int latestYear)
    {
        FileInstrument? file;
        try
        {
            file = JsonSerializer.Deserialize<FileInstrument>(text, Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"baris {line + 1}" : "berkas";
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" ({e.Path})";
            return (null, [$"Berkas instrumen, {where}{path}: bukan JSON yang sah atau isiannya tidak sesuai jenisnya (angka, teks, true/false) atau kuncinya tidak dikenal."]);
        }

        if (file is null)
        {
            return (null, ["Berkas instrumen: kosong."]);
        }

        var problems = new List<string>();
        if (file.Tahun is not { } year || year < FirstYear || year > latestYear)
        {
            problems.Add($"tahun: wajib diisi, antara {FirstYear} dan {latestYear}.");
        }

        var title = Text(file.Judul, MaturityInstrument.MaxTitle, "judul", problems);
        var levels = ReadLevels(file.Tingkat, problems);
        var aspects = ReadAspects(file.Aspek, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new MaturityInstrument { Year = file.Tahun!.Value, Title = title!, Levels = levels, Aspects = aspects }, []);
    }

    /// <summary>The instrument as its file, for download and for editing into next year's.</summary>
    public static string Write(MaturityInstrument instrument) => JsonSerializer.Serialize(new FileInstrument
    {
        Tahun = instrument.Year,
        Judul = instrument.Title,
        Tingkat = [.. instrument.Levels.OrderBy(l => l.FromScore).Select(l => new FileLevel { Mulai = l.FromScore, Nama = l.Name })],
        Aspek =
        [
            .. instrument.Aspects.OrderBy(a => a.Ordinal).Select(a => new FileAspect
            {
                Kode = a.Code,
                Nama = a.Name,
                Pertanyaan =
                [
                    .. a.Questions.OrderBy(q => q.Ordinal).Select(q => new FileQuestion
                    {
                        Kode = q.Code,
                        Teks = q.Text,
                        Panduan = q.Guidance,
                        Bobot = q.Weight,
                        WajibBukti = q.EvidenceRequired,
                        Pilihan = [.. q.Options.OrderBy(o => o.Ordinal).Select(o => new FileOption { Teks = o.Text, Skor = o.Score })],
                    }),
                ],
            }),
        ],
    }, Json);

    private static List<MaturityLevel> ReadLevels(List<FileLevel?>? levels, List<string> problems)
    {
        if (levels is not { Count: > 0 and <= MaxLevels })
        {
            problems.Add($"tingkat: wajib ada 1–{MaxLevels} tingkat kematangan, yang pertama mulai dari 0.");
            return [];
        }

        var read = new List<MaturityLevel>();
        var previous = -1;
        for (var i = 0; i < levels.Count; i++)
        {
            var where = $"tingkat {i + 1}";
            if (levels[i] is not { } level)
            {
                problems.Add($"{where}: kosong.");
                continue;
            }

            var name = Text(level.Nama, MaturityLevel.MaxName, $"{where}, nama", problems);
            if (level.Mulai is not { } from || from < 0 || from > 100 || (i == 0 && from != 0) || from <= previous)
            {
                problems.Add($"{where}, mulai: bilangan bulat 0–100, yang pertama 0 dan setiap berikutnya lebih besar dari sebelumnya.");
            }
            else
            {
                previous = from;
            }

            if (name is not null && level.Mulai is { } start)
            {
                read.Add(new MaturityLevel { FromScore = start, Name = name });
            }
        }

        return read;
    }

    private static List<MaturityAspect> ReadAspects(List<FileAspect?>? aspects, List<string> problems)
    {
        if (aspects is not { Count: > 0 and <= MaxAspects })
        {
            problems.Add($"aspek: wajib ada 1–{MaxAspects} aspek.");
            return [];
        }

        var read = new List<MaturityAspect>();
        var aspectCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var questionCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < aspects.Count; i++)
        {
            if (aspects[i] is not { } aspect)
            {
                problems.Add($"aspek {i + 1}: kosong.");
                continue;
            }

            var where = $"aspek {i + 1}" + (string.IsNullOrWhiteSpace(aspect.Kode) ? "" : $" ({aspect.Kode.Trim()})");
            var code = Code(aspect.Kode, MaturityAspect.MaxCode, $"{where}, kode", problems);
            if (code is not null && !aspectCodes.Add(code))
            {
                problems.Add($"{where}, kode: '{code}' sudah dipakai aspek lain.");
            }

            var name = Text(aspect.Nama, MaturityAspect.MaxName, $"{where}, nama", problems);
            if (aspect.Pertanyaan is not { Count: > 0 })
            {
                problems.Add($"{where}, pertanyaan: wajib ada paling sedikit satu.");
                continue;
            }

            var questions = new List<MaturityQuestion>();
            for (var j = 0; j < aspect.Pertanyaan.Count; j++)
            {
                if (ReadQuestion(aspect.Pertanyaan[j], $"{where}, pertanyaan {j + 1}", j + 1, questionCodes, problems) is { } question)
                {
                    questions.Add(question);
                }
            }

            if (code is not null && name is not null)
            {
                read.Add(new MaturityAspect { Ordinal = i + 1, Code = code, Name = name, Questions = questions });
            }
        }

        if (questionCodes.Count > MaxQuestions)
        {
            problems.Add($"pertanyaan: paling banyak {MaxQuestions} dalam satu instrumen (ada {questionCodes.Count}).");
        }

        return read;
    }

    private static MaturityQuestion? ReadQuestion(FileQuestion? question, string where, int ordinal, HashSet<string> codes, List<string> problems)
    {
        if (question is null)
        {
            problems.Add($"{where}: kosong.");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(question.Kode))
        {
            where = $"{where} ({question.Kode.Trim()})";
        }

        var count = problems.Count;
        var code = Code(question.Kode, MaturityQuestion.MaxCode, $"{where}, kode", problems);
        if (code is not null && !codes.Add(code))
        {
            problems.Add($"{where}, kode: '{code}' sudah dipakai pertanyaan lain.");
        }

        var text = Text(question.Teks, MaturityQuestion.MaxText, $"{where}, teks", problems);
        var guidance = string.IsNullOrWhiteSpace(question.Panduan) ? null : question.Panduan.Trim();
        if (guidance?.Length > MaturityQuestion.MaxText)
        {
            problems.Add($"{where}, panduan: paling panjang {MaturityQuestion.MaxText} karakter.");
        }

        if (question.Bobot is not { } weight || weight < 1 || weight > MaturityQuestion.MaxWeight)
        {
            problems.Add($"{where}, bobot: bilangan bulat 1–{MaturityQuestion.MaxWeight}.");
        }

        var options = new List<MaturityOption>();
        if (question.Pilihan is not { Count: >= 2 and <= MaxOptions })
        {
            problems.Add($"{where}, pilihan: wajib ada 2–{MaxOptions} pilihan jawaban.");
        }
        else
        {
            for (var k = 0; k < question.Pilihan.Count; k++)
            {
                var at = $"{where}, pilihan {k + 1}";
                if (question.Pilihan[k] is not { } option)
                {
                    problems.Add($"{at}: kosong.");
                    continue;
                }

                var optionText = Text(option.Teks, MaturityOption.MaxText, $"{at}, teks", problems);
                if (option.Skor is not { } score || score < 0 || score > MaturityOption.MaxScore)
                {
                    problems.Add($"{at}, skor: bilangan bulat 0–{MaturityOption.MaxScore}.");
                }
                else if (optionText is not null)
                {
                    options.Add(new MaturityOption { Ordinal = k + 1, Text = optionText, Score = score });
                }
            }

            if (options.Count == question.Pilihan.Count && options.Max(o => o.Score) == 0)
            {
                problems.Add($"{where}, pilihan: paling sedikit satu pilihan harus berskor lebih dari 0.");
            }

            if (options.Count == question.Pilihan.Count && options.Select(o => o.Score).Distinct().Count() != options.Count)
            {
                problems.Add($"{where}, pilihan: setiap pilihan berskor berbeda, agar jenjangnya jelas.");
            }
        }

        return problems.Count > count ? null : new MaturityQuestion
        {
            Ordinal = ordinal,
            Code = code!,
            Text = text!,
            Guidance = guidance,
            Weight = question.Bobot!.Value,
            EvidenceRequired = question.WajibBukti ?? false,
            Options = options,
        };
    }

    private static string? Text(string? value, int max, string where, List<string> problems)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problems.Add($"{where}: wajib diisi.");
            return null;
        }

        if (text.Length > max)
        {
            problems.Add($"{where}: paling panjang {max} karakter (ada {text.Length}).");
            return null;
        }

        return text;
    }

    private static string? Code(string? value, int max, string where, List<string> problems)
    {
        var code = Text(value, max, where, problems);
        if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            problems.Add($"{where}: '{code}' hanya boleh huruf, angka, titik, tanda hubung atau garis bawah.");
            return null;
        }

        return code;
    }

    private sealed class FileInstrument
    {
        public int? Tahun { get; set; }
        public string? Judul { get; set; }
        public List<FileLevel?>? Tingkat { get; set; }
        public List<FileAspect?>? Aspek { get; set; }
    }

    private sealed class FileLevel
    {
        public int? Mulai { get; set; }
        public string? Nama { get; set; }
    }

    private sealed class FileAspect
    {
        public string? Kode { get; set; }
        public string? Nama { get; set; }
        public List<FileQuestion?>? Pertanyaan { get; set; }
    }

    private sealed class FileQuestion
    {
        public string? Kode { get; set; }
        public string? Teks { get; set; }
        public string? Panduan { get; set; }
        public int? Bobot { get; set; }

        [JsonPropertyName("wajib_bukti")]
        public bool? WajibBukti { get; set; }
        public List<FileOption?>? Pilihan { get; set; }
    }

    private sealed class FileOption
    {
        public string? Teks { get; set; }
        public int? Skor { get; set; }
    }
}
