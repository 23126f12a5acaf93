using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>How a guarded write of a meeting ended.</summary>
public enum MeetingWrite
{
    Written,

    /// <summary>The meeting or its agenda changed since it was read: read again and redo.</summary>
    Stale,

    /// <summary>The organization has another open meeting on that day.</summary>
    DayTaken,
}

/// <summary>
/// Reads and writes meetings and their agendas (<see cref="MeetingRows"/>). Every change of a meeting or its agenda
/// is one transaction that also rewrites the meeting row under its ETag, so two changes at once (a clerk reordering,
/// the workflow adding a motion, a move) never both win: the loser gets <see cref="MeetingWrite.Stale"/>, reads again
/// and redoes its change on what the winner left.
/// </summary>
public sealed class MeetingStore(TableServiceClient tables, TimeProvider clock)
{
    public const string TableName = "Meetings";

    /// <summary>Meetings whose motions still have to follow a move or cancellation (<see cref="MeetingSync"/>).</summary>
    internal const string SyncPartition = "~sync";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly CreateOnce _created = CreateOnce.Table(tables.GetTableClient(TableName));

    public async Task<Meeting?> GetAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        if (Meeting.OrganizationOf(meetingId) is not { } organization)
        {
            return null;
        }
        await _created.EnsureAsync();
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(organization, MeetingRows.MeetingKey(meetingId),
            cancellationToken: cancellationToken);
        return row.HasValue ? MeetingRows.ToMeeting(row.Value!) : null;
    }

    /// <summary>The meeting with its agenda: one query of the organization's partition.</summary>
    public async Task<Agenda?> GetAgendaAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        if (Meeting.OrganizationOf(meetingId) is not { } organization)
        {
            return null;
        }
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organization} and (RowKey eq {MeetingRows.MeetingKey(meetingId)} or (RowKey ge {
                MeetingRows.ItemsStart(meetingId)} and RowKey lt {MeetingRows.ItemsEnd(meetingId)}))");
        Meeting? meeting = null;
        var entries = new List<AgendaEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(MeetingRows.MeetingPrefix, StringComparison.Ordinal))
            {
                meeting = MeetingRows.ToMeeting(row);
            }
            else
            {
                entries.Add(MeetingRows.ToEntry(row));
            }
        }
        return meeting is null ? null : Agenda.Of(meeting, entries);
    }

    /// <summary>An organization's meetings by date (both bounds inclusive, either open): one range read of its partition.</summary>
    public async Task<IReadOnlyList<Meeting>> ListAsync(string organizationId, DateOnly? from = null, DateOnly? to = null,
        CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and RowKey ge {MeetingRows.MeetingPrefix} and RowKey lt {"meeting}"}");
        if (from is { } f)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Date ge {MeetingRows.Day(f)}");
        }
        if (to is { } t)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Date le {MeetingRows.Day(t)}");
        }
        var meetings = new List<Meeting>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            meetings.Add(MeetingRows.ToMeeting(row));
        }
        return [.. meetings.OrderBy(m => m.Date).ThenBy(m => m.StartTime).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every meeting of an organization with its agenda (open data, calendars): the whole partition in one read.</summary>
    public async Task<IReadOnlyList<Agenda>> AgendasAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var meetings = new List<Meeting>();
        var entries = new Dictionary<string, List<AgendaEntry>>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == organizationId, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(MeetingRows.MeetingPrefix, StringComparison.Ordinal))
            {
                meetings.Add(MeetingRows.ToMeeting(row));
            }
            else if (row.RowKey.StartsWith(MeetingRows.ItemPrefix, StringComparison.Ordinal))
            {
                var meetingId = MeetingRows.MeetingIdOfItem(row.RowKey);
                if (!entries.TryGetValue(meetingId, out var list))
                {
                    entries[meetingId] = list = [];
                }
                list.Add(MeetingRows.ToEntry(row));
            }
        }
        return [.. meetings.OrderBy(m => m.Date).ThenBy(m => m.StartTime).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => Agenda.Of(m, entries.GetValueOrDefault(m.Id) ?? []))];
    }

    /// <summary>The organization's open (not cancelled) meeting on <paramref name="date"/>, if there is one.</summary>
    public async Task<Meeting?> OnDayAsync(string organizationId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var day = await _table.GetEntityIfExistsAsync<TableEntity>(organizationId, MeetingRows.DayKey(date), cancellationToken: cancellationToken);
        return day.HasValue && day.Value!.GetString("MeetingId") is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <summary>Stores a new meeting; <see cref="MeetingWrite.DayTaken"/> when its organization meets that day already.</summary>
    public async Task<(MeetingWrite Result, Meeting? Meeting)> CreateAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var now = clock.GetUtcNow();
        var stored = meeting with { Created = now, Modified = now, Version = 1 };
        try
        {
            var response = await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, MeetingRows.ToEntity(stored)),
                new TableTransactionAction(TableTransactionActionType.Add, DayRow(stored)),
            ], cancellationToken);
            return (MeetingWrite.Written, stored with { ETag = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return (MeetingWrite.DayTaken, null);
        }
    }

    /// <summary>
    /// Writes <paramref name="after"/> (date, time, place, state) and the agenda changes in one transaction, if the
    /// meeting is still as <paramref name="before"/> was read (its ETag). Entries to remove must have been read with it.
    /// </summary>
    public async Task<(MeetingWrite Result, Meeting? Meeting)> CommitAsync(Meeting before, Meeting after,
        IReadOnlyCollection<AgendaEntry>? upsert = null, IReadOnlyCollection<string>? remove = null, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var stored = after with { Modified = clock.GetUtcNow(), Version = before.Version + 1, ETag = null };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, MeetingRows.ToEntity(stored),
                new ETag(before.ETag ?? throw new ArgumentException("The meeting was not read from storage.", nameof(before)))),
        };
        var wasOnDay = before.State != MeetingState.Cancelled;
        var isOnDay = stored.State != MeetingState.Cancelled;
        if (wasOnDay && (!isOnDay || before.Date != stored.Date))
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(before.OrganizationId, MeetingRows.DayKey(before.Date)), ETag.All));
        }
        var dayAdded = isOnDay && (!wasOnDay || before.Date != stored.Date);
        if (dayAdded)
        {
            actions.Add(new(TableTransactionActionType.Add, DayRow(stored)));
        }
        actions.AddRange((upsert ?? []).Select(e =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, MeetingRows.ToEntity(stored, e))));
        actions.AddRange((remove ?? []).Select(m => new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(stored.OrganizationId, MeetingRows.ItemKey(stored.Id, m)), ETag.All)));
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return (MeetingWrite.Written, stored with { ETag = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && dayAdded)
        {
            return (MeetingWrite.DayTaken, null);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            // 404: an entry to remove is gone, so the agenda changed after it was read — the meeting row's ETag too.
            return (MeetingWrite.Stale, null);
        }
    }

    /// <summary>Notes that the meeting's motions must follow a change; kept until every one has (ETag returned).</summary>
    internal async Task<string> MarkForSyncAsync(string meetingId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var response = await _table.UpsertEntityAsync(new TableEntity(SyncPartition, meetingId) { ["Since"] = clock.GetUtcNow() },
            TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag?.ToString() ?? "*";
    }

    /// <summary>Removes the note, unless a later change of the meeting renewed it (its ETag differs).</summary>
    internal async Task ClearSyncAsync(string meetingId, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(SyncPartition, meetingId, new ETag(etag), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or renewed by a later change whose own sync removes it.
        }
    }

    /// <summary>The meetings noted for a sync at or before <paramref name="before"/>, with their ETags.</summary>
    internal async Task<IReadOnlyList<(string MeetingId, string ETag)>> PendingSyncsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var pending = new List<(string, string)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == SyncPartition, cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("Since") <= before)
            {
                pending.Add((row.RowKey, row.ETag.ToString()));
            }
        }
        return pending;
    }

    private static TableEntity DayRow(Meeting meeting) =>
        new(meeting.OrganizationId, MeetingRows.DayKey(meeting.Date)) { ["MeetingId"] = meeting.Id };
}
