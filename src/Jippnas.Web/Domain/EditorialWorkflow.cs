namespace Jippnas.Web.Domain;

/// <summary>
/// Where an edition of a record stands: the first edition of an innovation, or a revision of a published one
/// (docs/design/accounts.md). Only a published edition is public; a revision in progress leaves the published
/// edition in public view until the revision itself is published.
/// </summary>
public enum EditorialState
{
    Draft = 0,
    Submitted = 1,

    /// <summary>Sent back by the verifier with a comment; its authors fix it and submit it again.</summary>
    Returned = 2,
    Verified = 3,
    Published = 4,
}

public enum EditorialAction
{
    /// <summary>Its authors save changes.</summary>
    Save,
    Submit,

    /// <summary>The verifier sends it back, with a comment saying what to fix.</summary>
    Return,
    Verify,
    Publish,

    /// <summary>Start a revision of a published edition (a new draft beside it).</summary>
    Revise,
}

/// <summary>What an action does to an edition: its new state, a revision begun, or why it is refused.</summary>
public readonly record struct EditorialTransition(EditorialState? To, bool StartsRevision, string? Refusal)
{
    public bool Allowed => Refusal is null;

    internal static EditorialTransition Move(EditorialState to) => new(to, false, null);

    internal static EditorialTransition Refuse(string why) => new(null, false, why);
}

/// <summary>
/// The editorial state machine: draft → submitted → verified → published, returned for revision with a comment,
/// published editions revised in a new draft. Who may act (the agency's operators save and submit; the province's
/// hub administrator or a curator returns, verifies and publishes) is the permissions' concern, not this one's.
/// </summary>
public static class EditorialWorkflow
{
    public const int MaxCommentLength = 2_000;

    public static bool IsPublic(EditorialState state) => state == EditorialState.Published;

    /// <summary>What <paramref name="action"/> does to an edition in <paramref name="state"/>; <paramref name="comment"/> is required to return one.</summary>
    public static EditorialTransition Apply(EditorialState state, EditorialAction action, string? comment = null) => (state, action) switch
    {
        (EditorialState.Draft or EditorialState.Returned, EditorialAction.Save) => EditorialTransition.Move(state),
        (EditorialState.Draft or EditorialState.Returned, EditorialAction.Submit) => EditorialTransition.Move(EditorialState.Submitted),
        (EditorialState.Submitted or EditorialState.Verified, EditorialAction.Return) => Return(comment),
        (EditorialState.Submitted, EditorialAction.Verify) => EditorialTransition.Move(EditorialState.Verified),
        (EditorialState.Verified, EditorialAction.Publish) => EditorialTransition.Move(EditorialState.Published),
        (EditorialState.Published, EditorialAction.Revise) => new EditorialTransition(EditorialState.Draft, true, null),
        (EditorialState.Submitted or EditorialState.Verified, EditorialAction.Save) =>
            EditorialTransition.Refuse("Data ini sedang diperiksa dan tidak dapat diubah; tunggu hasil pemeriksaan atau minta dikembalikan."),
        (EditorialState.Published, EditorialAction.Save) =>
            EditorialTransition.Refuse("Data yang sudah terbit diubah lewat revisi: buat revisi, yang terbit tetap tampil sampai revisi diterbitkan."),
        (_, EditorialAction.Verify) => EditorialTransition.Refuse($"Hanya data yang sudah diajukan yang dapat diverifikasi; data ini {Name(state)}."),
        (_, EditorialAction.Publish) => EditorialTransition.Refuse($"Hanya data yang sudah diverifikasi yang dapat diterbitkan; data ini {Name(state)}."),
        (_, EditorialAction.Return) => EditorialTransition.Refuse($"Hanya data yang sedang diperiksa yang dapat dikembalikan; data ini {Name(state)}."),
        (_, EditorialAction.Submit) => EditorialTransition.Refuse($"Hanya draf atau data yang dikembalikan yang dapat diajukan; data ini {Name(state)}."),
        (_, EditorialAction.Revise) => EditorialTransition.Refuse($"Hanya data yang sudah terbit yang direvisi; data ini {Name(state)}."),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown editorial action."),
    };

    /// <summary>The state as the interface names it (Indonesian; the English texts translate these).</summary>
    public static string Name(EditorialState state) => state switch
    {
        EditorialState.Draft => "draf",
        EditorialState.Submitted => "diajukan",
        EditorialState.Returned => "dikembalikan untuk perbaikan",
        EditorialState.Verified => "terverifikasi",
        EditorialState.Published => "terbit",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown editorial state."),
    };

    private static EditorialTransition Return(string? comment) => comment?.Trim() switch
    {
        null or "" => EditorialTransition.Refuse("Tulis catatan yang menjelaskan apa yang perlu diperbaiki sebelum mengembalikan data ini."),
        { Length: > MaxCommentLength } => EditorialTransition.Refuse("Catatan paling panjang 2.000 karakter."),
        _ => EditorialTransition.Move(EditorialState.Returned),
    };
}
