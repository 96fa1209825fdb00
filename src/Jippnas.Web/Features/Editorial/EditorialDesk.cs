using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Editorial;

/// <summary>A stale save: someone else saved the edition since the form was read. What they saved differs from the form here.</summary>
public sealed record EditorialConflict(string? By, DateTimeOffset At, IReadOnlyList<FieldChange> Differences);

/// <summary>What an editorial step did: the edition's id, or the errors (field key, Indonesian message), or a conflict.</summary>
public sealed record EditorialOutcome(int? Id, IReadOnlyList<(string Key, string Message)> Errors, EditorialConflict? Conflict = null)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static EditorialOutcome Done(int id) => new(id, []);

    public static EditorialOutcome Refused(string key, string message) => new(null, [(key, message)]);
}

/// <summary>
/// The editorial workflow on the database (docs/design/accounts.md): drafts saved field by field, submitted,
/// returned with a comment, verified and published; a published record revised in a draft beside it that replaces
/// it when published. Every step is a numbered revision (who, when, the fields changed, every value after it) in
/// the same transaction as the change; a save from a form read at an older version is refused with the differences.
/// Who may take a step is checked by the pages (permissions over the record's scope), not here.
/// </summary>
public sealed class EditorialDesk(JippnasDb db, SearchIndexer search, Evidence.EvidenceShelf evidence, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<EditorialOutcome> CreateAsync(IReadOnlyDictionary<string, string?> posted, EditorialScope scope, int userId, CancellationToken cancellationToken)
    {
        var values = EditionFields.Clean(posted);
        if (await CheckAsync(values, submitting: false, scope, cancellationToken) is { Count: > 0 } errors)
        {
            return new EditorialOutcome(null, errors);
        }

        var now = clock.GetUtcNow();
        var innovation = new Innovation
        {
            Name = values["name"]!,
            IsPublished = false,
            EditorialState = EditorialState.Draft,
            Provenance = Provenance.Submitted,
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        EditionFields.ApplyTo(innovation, values, await RegionOfAsync(values, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Innovations.Add(innovation);
        await db.SaveChangesAsync(cancellationToken);
        Log(innovation.Id, innovation.Id, 1, userId, RevisionAction.Create, EditorialState.Draft, null, EditionFields.Diff(EditionFields.Clean(null), values), values);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditorialOutcome.Done(innovation.Id);
    }

    /// <summary>
    /// Drafts the replica of <paramref name="origin"/> for the replicating agency: a record of that agency carrying the
    /// origin's description (not its unit, year, phase, status or contacts, which are the replica's own), to be
    /// completed by the agency and published through this workflow. Runs in the caller's transaction.
    /// </summary>
    public async Task<int> DraftReplicaAsync(Innovation origin, int agencyId, int userId, CancellationToken cancellationToken)
    {
        var values = EditionFields.Of(origin);
        values["agency"] = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var own in new[] { "unit", "year", "phase", "status", "status_reason", "contact_name", "contact_email", "contact_phone" })
        {
            values[own] = null;
        }

        var now = clock.GetUtcNow();
        var replica = new Innovation
        {
            Name = values["name"]!,
            IsPublished = false,
            EditorialState = EditorialState.Draft,
            Provenance = Provenance.Submitted,
            ProvenanceNote = $"Replikasi dari inovasi {origin.Id} ({origin.Name}).",
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        EditionFields.ApplyTo(replica, values, await RegionOfAsync(values, cancellationToken));
        db.Innovations.Add(replica);
        await db.SaveChangesAsync(cancellationToken);
        Log(replica.Id, replica.Id, 1, userId, RevisionAction.Create, EditorialState.Draft, replica.ProvenanceNote, EditionFields.Diff(EditionFields.Clean(null), values), values);
        await db.SaveChangesAsync(cancellationToken);
        return replica.Id;
    }

    /// <summary>Saves the form over an edition in draft or returned; <paramref name="readAt"/> is the version the form was read at.</summary>
    public async Task<EditorialOutcome> SaveAsync(int id, IReadOnlyDictionary<string, string?> posted, int readAt, EditorialScope scope, int userId, CancellationToken cancellationToken, RevisionAction action = RevisionAction.Save)
    {
        var edition = await db.Innovations.AsTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (edition is null)
        {
            return EditorialOutcome.Refused("", "Data inovasi ini tidak ditemukan.");
        }

        var values = EditionFields.Clean(posted);
        var transition = EditorialWorkflow.Apply(edition.EditorialState, EditorialAction.Save);
        if (!transition.Allowed)
        {
            return EditorialOutcome.Refused("", transition.Refusal!);
        }

        if (edition.Version != readAt)
        {
            return await ConflictAsync(edition, values, cancellationToken);
        }

        if (await CheckAsync(values, submitting: false, scope, cancellationToken) is { Count: > 0 } errors)
        {
            return new EditorialOutcome(null, errors);
        }

        var before = EditionFields.Of(edition);
        var changes = EditionFields.Diff(before, values);
        if (changes.Count == 0 && action == RevisionAction.Save)
        {
            return EditorialOutcome.Done(id);
        }

        EditionFields.ApplyTo(edition, values, await RegionOfAsync(values, cancellationToken));
        return await CommitAsync(edition, userId, action, null, changes, values, cancellationToken);
    }

    /// <summary>Submits, returns (with a comment), verifies, publishes, or starts a revision of a published record.</summary>
    public async Task<EditorialOutcome> ActAsync(int id, EditorialAction action, string? comment, int readAt, EditorialScope scope, int userId, CancellationToken cancellationToken)
    {
        var edition = await db.Innovations.AsTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (edition is null)
        {
            return EditorialOutcome.Refused("", "Data inovasi ini tidak ditemukan.");
        }

        if (edition.Version != readAt)
        {
            return await ConflictAsync(edition, EditionFields.Of(edition), cancellationToken);
        }

        var transition = EditorialWorkflow.Apply(edition.EditorialState, action, comment);
        if (!transition.Allowed)
        {
            return EditorialOutcome.Refused(action == EditorialAction.Return ? "comment" : "", transition.Refusal!);
        }

        // A replica drafted for a replication its origin's owner then declined is not an innovation of the agency.
        if (action is EditorialAction.Submit or EditorialAction.Verify or EditorialAction.Publish && !edition.IsPublished && edition.RevisionOfId is null
            && await db.Replications.Where(r => r.ReplicaId == id && r.Stage == ReplicationStage.Declined).Select(r => new { r.StageNote }).FirstOrDefaultAsync(cancellationToken) is { } declined)
        {
            return EditorialOutcome.Refused("", $"Draf ini dibuat untuk replikasi yang ditolak pemilik inovasi asal ({declined.StageNote}); draf ini tidak dapat diajukan atau diterbitkan.");
        }

        var values = EditionFields.Of(edition);
        if (action == EditorialAction.Submit && await CheckAsync(values, submitting: true, scope, cancellationToken, checkAgency: false) is { Count: > 0 } missing)
        {
            return new EditorialOutcome(null, missing);
        }

        if (action == EditorialAction.Revise)
        {
            return await ReviseAsync(edition, values, userId, cancellationToken);
        }

        if (action == EditorialAction.Publish && edition.RevisionOfId is { } original)
        {
            return await PublishRevisionAsync(edition, original, values, userId, cancellationToken);
        }

        edition.EditorialState = transition.To!.Value;
        edition.EditorialNote = action == EditorialAction.Return ? comment!.Trim() : edition.EditorialNote;
        if (action == EditorialAction.Publish)
        {
            edition.IsPublished = true;
            edition.EditorialNote = null;
        }

        var revision = action switch
        {
            EditorialAction.Submit => RevisionAction.Submit,
            EditorialAction.Return => RevisionAction.Return,
            EditorialAction.Verify => RevisionAction.Verify,
            _ => RevisionAction.Publish,
        };
        return await CommitAsync(edition, userId, revision, comment?.Trim() is { Length: > 0 } c ? c : null, [], values, cancellationToken);
    }

    /// <summary>
    /// Puts back the values a record had after revision <paramref name="number"/>: saved over a draft or returned
    /// edition, or as a new revision draft of a published record (which stays public until that is published).
    /// </summary>
    public async Task<EditorialOutcome> RestoreAsync(int recordId, int number, EditorialScope scope, int userId, CancellationToken cancellationToken)
    {
        var snapshot = await db.InnovationRevisions.Where(r => r.InnovationId == recordId && r.Number == number).Select(r => r.Snapshot).FirstOrDefaultAsync(cancellationToken);
        var record = await db.Innovations.FirstOrDefaultAsync(i => i.Id == recordId, cancellationToken);
        if (snapshot is null || record is null)
        {
            return EditorialOutcome.Refused("", "Versi ini tidak ditemukan.");
        }

        var values = EditionFields.Clean(JsonSerializer.Deserialize<Dictionary<string, string?>>(snapshot, Json));
        // Checked before anything is written: an old version may name an agency since removed from the person's scope.
        if (await CheckAsync(values, submitting: false, scope, cancellationToken) is { Count: > 0 } errors)
        {
            return new EditorialOutcome(null, [("", $"Versi {number} tidak bisa dipulihkan: " + string.Join(" ", errors.Select(e => e.Item2)))]);
        }

        // The revision draft and the restored values are one transaction: both or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = record;
        if (record.EditorialState == EditorialState.Published)
        {
            var revised = await ActAsync(recordId, EditorialAction.Revise, null, record.Version, scope, userId, cancellationToken);
            if (!revised.Succeeded)
            {
                return revised;
            }

            db.ChangeTracker.Clear();
            target = await db.Innovations.FirstAsync(i => i.Id == revised.Id, cancellationToken);
        }

        EditorialOutcome saved;
        try
        {
            saved = await SaveAsync(target.Id, values, target.Version, scope, userId, cancellationToken, RevisionAction.Restore);
        }
        catch (DbUpdateException)
        {
            // Someone saved the record between reading and writing: nothing of the restore is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return EditorialOutcome.Refused("", "Data ini baru saja diubah orang lain; tidak ada yang dipulihkan. Buka riwayatnya lagi lalu coba lagi.");
        }

        if (!saved.Succeeded)
        {
            return saved;
        }

        await transaction.CommitAsync(cancellationToken);
        return EditorialOutcome.Done(target.Id);
    }

    /// <summary>The record whose history an edition writes: the published record of a revision, else itself.</summary>
    public static int RecordOf(Innovation edition) => edition.RevisionOfId ?? edition.Id;

    private async Task<EditorialOutcome> ReviseAsync(Innovation published, SortedDictionary<string, string?> values, int userId, CancellationToken cancellationToken)
    {
        if (published.RevisionOfId is not null)
        {
            return EditorialOutcome.Refused("", "Ini sudah revisi; ubah revisi ini.");
        }

        var open = await db.Innovations.Where(i => i.RevisionOfId == published.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is { } existing)
        {
            return EditorialOutcome.Done(existing);
        }

        var now = clock.GetUtcNow();
        var draft = new Innovation
        {
            Name = published.Name,
            IsPublished = false,
            EditorialState = EditorialState.Draft,
            RevisionOfId = published.Id,
            RevisionBaseVersion = published.Version,
            RevisionBase = JsonSerializer.Serialize(values, Json),
            Provenance = published.Provenance,
            ProvenanceNote = published.ProvenanceNote,
            StatusConfirmedOn = published.StatusConfirmedOn,
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        EditionFields.ApplyTo(draft, values, await RegionOfAsync(values, cancellationToken));
        await using var transaction = await OwnTransactionAsync(cancellationToken);
        db.Innovations.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        Log(published.Id, draft.Id, await NextNumberAsync(published.Id, cancellationToken), userId, RevisionAction.Revise, EditorialState.Draft, null, [], values);
        await db.SaveChangesAsync(cancellationToken);
        await CommitOwnAsync(transaction, cancellationToken);
        return EditorialOutcome.Done(draft.Id);
    }

    // A verified revision replaces the published record's fields; the revision's own row goes, its history stays.
    // If the published record changed since the revision began (an import wrote to it), the revision takes the
    // other fields' new values; a field both changed differently sends the revision back with the two values named.
    private async Task<EditorialOutcome> PublishRevisionAsync(Innovation revision, int originalId, SortedDictionary<string, string?> values, int userId, CancellationToken cancellationToken)
    {
        var original = await db.Innovations.AsTracking().FirstAsync(i => i.Id == originalId, cancellationToken);
        var current = EditionFields.Of(original);
        if (revision.RevisionBaseVersion != original.Version)
        {
            var (merged, clashes) = Rebase(values, revision.RevisionBase, current);
            if (clashes.Count > 0)
            {
                return await SendBackAsync(revision, original, merged, clashes, userId, cancellationToken);
            }

            values = merged;
        }

        var changes = EditionFields.Diff(current, values);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        EditionFields.ApplyTo(original, values, await RegionOfAsync(values, cancellationToken));
        original.Version++;
        original.UpdatedAt = clock.GetUtcNow();
        Log(original.Id, original.Id, await NextNumberAsync(original.Id, cancellationToken), userId, RevisionAction.Publish, EditorialState.Published, null, changes, values);
        await evidence.MoveAsync(revision.Id, original.Id, cancellationToken);
        db.Innovations.Remove(revision);
        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync([original.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditorialOutcome.Done(original.Id);
    }

    /// <summary>
    /// A revision's values over the published record's <paramref name="current"/> ones: a field the revision changed
    /// from its base keeps the revision's value, any other takes the current one; a field both changed to different
    /// values is a clash. Without a base (a revision begun before bases were kept) every difference is a clash.
    /// </summary>
    public static (SortedDictionary<string, string?> Merged, List<FieldChange> Clashes) Rebase(IReadOnlyDictionary<string, string?> revision, string? baseJson, IReadOnlyDictionary<string, string?> current)
    {
        var based = baseJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(baseJson, Json);
        var merged = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var clashes = new List<FieldChange>();
        foreach (var field in EditionFields.All)
        {
            var mine = revision.GetValueOrDefault(field.Key);
            var theirs = current.GetValueOrDefault(field.Key);
            var from = based is null ? theirs : based.GetValueOrDefault(field.Key);
            var changedHere = !string.Equals(mine, from, StringComparison.Ordinal);
            var changedThere = !string.Equals(theirs, from, StringComparison.Ordinal);
            merged[field.Key] = changedHere ? mine : theirs;
            if ((based is null || changedThere) && changedHere && !string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                clashes.Add(new FieldChange(field.Key, theirs, mine));
            }
        }

        return (merged, clashes);
    }

    // The revision goes back to its authors brought up to date with the published record, the clashing fields named.
    private async Task<EditorialOutcome> SendBackAsync(Innovation revision, Innovation original, SortedDictionary<string, string?> merged, List<FieldChange> clashes, int userId, CancellationToken cancellationToken)
    {
        static string Short(string? value) => value is null ? "(kosong)" : value.Length > 80 ? $"«{value[..80]}…»" : $"«{value}»";
        var fields = string.Join("; ", clashes.Select(c => $"{EditionFields.Named(c.Field).Label}: yang terbit {Short(c.Old)}, revisi {Short(c.New)}"));
        var note = $"Data yang terbit diubah sejak revisi ini dimulai, juga pada kolom yang diubah revisi ini. Revisi menyimpan nilainya sendiri; periksa lalu ajukan lagi. {fields}";
        var before = EditionFields.Of(revision);
        EditionFields.ApplyTo(revision, merged, await RegionOfAsync(merged, cancellationToken));
        revision.EditorialState = EditorialState.Returned;
        revision.EditorialNote = note.Length > EditorialWorkflow.MaxCommentLength ? note[..EditorialWorkflow.MaxCommentLength] : note;
        (revision.RevisionBaseVersion, revision.RevisionBase) = (original.Version, JsonSerializer.Serialize(EditionFields.Of(original), Json));
        var outcome = await CommitAsync(revision, userId, RevisionAction.Return, revision.EditorialNote, EditionFields.Diff(before, merged), merged, cancellationToken);
        return outcome.Succeeded ? new EditorialOutcome(revision.Id, [("", revision.EditorialNote)]) : outcome;
    }

    private async Task<EditorialOutcome> CommitAsync(Innovation edition, int userId, RevisionAction action, string? comment, List<FieldChange> changes, SortedDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        edition.Version++;
        edition.UpdatedAt = clock.GetUtcNow();
        await using var transaction = await OwnTransactionAsync(cancellationToken);
        var record = RecordOf(edition);
        Log(record, edition.Id, await NextNumberAsync(record, cancellationToken), userId, action, edition.EditorialState, comment, changes, values);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved by someone else between reading and writing (the version, or the next revision number, was taken).
            if (transaction is null)
            {
                throw;
            }

            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.Innovations.FirstAsync(i => i.Id == edition.Id, cancellationToken);
            return await ConflictAsync(current, values, cancellationToken);
        }

        if (action == RevisionAction.Publish)
        {
            await search.IndexAsync([edition.Id], cancellationToken);
        }

        await CommitOwnAsync(transaction, cancellationToken);
        return EditorialOutcome.Done(edition.Id);
    }

    // A transaction of this step's own, or none when the caller's is open (a restore is one transaction).
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitOwnAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<EditorialOutcome> ConflictAsync(Innovation current, IReadOnlyDictionary<string, string?> mine, CancellationToken cancellationToken)
    {
        var record = RecordOf(current);
        var last = await db.InnovationRevisions.Where(r => r.InnovationId == record && r.EditionId == current.Id).OrderByDescending(r => r.Number)
            .Select(r => new { r.At, By = db.Users.Where(u => u.Id == r.UserId).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        var differences = EditionFields.Diff(EditionFields.Of(current), mine);
        return new EditorialOutcome(null, [("", "Data ini sudah diubah orang lain sejak Anda membukanya; isian Anda belum disimpan.")],
            new EditorialConflict(last?.By, last?.At ?? current.UpdatedAt, differences));
    }

    private async Task<List<(string, string)>> CheckAsync(SortedDictionary<string, string?> values, bool submitting, EditorialScope scope, CancellationToken cancellationToken, bool checkAgency = true)
    {
        var agencyId = int.TryParse(values["agency"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : 0;
        var allowed = new HashSet<int>();
        if (agencyId > 0 && (!checkAgency || scope.All || scope.Agencies.Contains(agencyId)) && await db.Agencies.AnyAsync(x => x.Id == agencyId, cancellationToken))
        {
            allowed.Add(agencyId);
        }

        var sectors = (await db.Sectors.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        return EditionFields.Check(values, submitting, allowed, sectors, clock.GetUtcNow().Year);
    }

    private Task<string?> RegionOfAsync(SortedDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        if (!int.TryParse(values.GetValueOrDefault("agency"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var agencyId))
        {
            return Task.FromResult<string?>(null);
        }

        return db.Agencies.Where(a => a.Id == agencyId).Select(a => a.RegionCode).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<int> NextNumberAsync(int record, CancellationToken cancellationToken) =>
        (await db.InnovationRevisions.Where(r => r.InnovationId == record).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;

    private void Log(int record, int edition, int number, int userId, RevisionAction action, EditorialState state, string? comment, List<FieldChange> changes, SortedDictionary<string, string?> values) =>
        db.InnovationRevisions.Add(new InnovationRevision
        {
            InnovationId = record,
            EditionId = edition,
            Number = number,
            UserId = userId,
            At = clock.GetUtcNow(),
            Action = action,
            State = state,
            Comment = comment,
            Changes = JsonSerializer.Serialize(changes, Json),
            Snapshot = JsonSerializer.Serialize(values, Json),
        });
}
