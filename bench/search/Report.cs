namespace Jippnas.Bench.Search;

/// <summary>Lines to standard output and, when given, to a file.</summary>
public sealed class Report(string? path) : IDisposable
{
    private readonly StreamWriter? file = path is null ? null : new StreamWriter(path, append: false);

    public void Line(string text = "")
    {
        Console.WriteLine(text);
        file?.WriteLine(text);
        file?.Flush();
    }

    public void Dispose() => file?.Dispose();
}
