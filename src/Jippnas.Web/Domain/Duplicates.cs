namespace Jippnas.Web.Domain;

public enum DuplicateState
{
    /// <summary>Found likely, waiting for a curator.</summary>
    Proposed = 0,

    /// <summary>Merged: the second innovation's records belong to the kept one, and the second is no longer published.</summary>
    Merged = 1,

    /// <summary>Not the same innovation: never proposed again.</summary>
    Rejected = 2,
}

/// <summary>
/// Two innovations that may be one, found by their names, acronyms, regions and years. A pair is stored once
/// (<see cref="FirstId"/> &lt; <see cref="SecondId"/>), so a rejected pair stays rejected whatever import finds it again.
/// </summary>
public sealed class DuplicatePair
{
    public long Id { get; init; }
    public int FirstId { get; init; }
    public int SecondId { get; init; }
    public double Score { get; set; }

    /// <summary>Why the pair looks alike, as JSON (<c>[{"kind":"SameAcronym","value":null},…]</c>).</summary>
    public required string Reasons { get; set; }

    public DuplicateState State { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The innovation kept by a merge (either of the two).</summary>
    public int? KeptId { get; set; }

    /// <summary>What a merge moved from the other innovation to the kept one, as JSON: undoing moves exactly that back.</summary>
    public string? Merge { get; set; }
}
