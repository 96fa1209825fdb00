namespace Jippnas.Bench.Search;

/// <summary>The Bench:* settings (--Bench:Rounds=5 and so on).</summary>
public sealed class BenchOptions
{
    /// <summary>Distinct queries per class.</summary>
    public int Queries { get; set; } = 30;

    /// <summary>Times each query of a cell is measured (after one warm-up run of every query).</summary>
    public int Rounds { get; set; } = 5;

    /// <summary>A cell stops after this many seconds once it has <see cref="MinSamples"/> timings.</summary>
    public double SearchBudget { get; set; } = 60;

    /// <summary>The same for the bare full-text query, which scores every match and is slow for common words.</summary>
    public double BareBudget { get; set; } = 30;

    public int MinSamples { get; set; } = 10;

    /// <summary>Also time each step of a search (plan, candidates, count, facets, page) once per query.</summary>
    public bool Steps { get; set; } = true;

    /// <summary>native-build: plain or contentless (SQLite); expression or generated (PostgreSQL).</summary>
    public string? Native { get; set; }

    /// <summary>Also write the report to this file.</summary>
    public string? Out { get; set; }
}
