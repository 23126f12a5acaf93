using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// The dashboard's lists, each a partition ordered newest first: all motions, per stage, per faction, the overdue
/// ones, and per trigram of the title's words and the reference (<see cref="SearchWords"/>). A list page is one
/// partition range read, however many motions there are. A list row carries the whole line the dashboard shows; a
/// trigram row only the motion, its title and reference, so a step that changes the line does not rewrite a motion's
/// 20–50 trigram rows (a search reads the lines of its hits instead, docs/benchmarks.md "Search"); rows written before
/// the motion had its reference keep an empty one.
/// </summary>
public sealed class MotionIndex(TableServiceClient tables)
{
    public const string TableName = "MotionIndex";
    public const string All = "all";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly PublicMotionIndex _public = new(tables);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Table(tables.GetTableClient(TableName));
    private Storage.CreateOnce? _searchBuilt;

    public const string StagePrefix = "stage-";

    public static string StagePartition(MotionStage stage) => StagePrefix + stage;

    /// <summary>The lists the dashboard shows a number for.</summary>
    public static IEnumerable<string> CountedPartitions =>
        Enum.GetValues<MotionStage>().Select(StagePartition).Append(OverduePartition);

    /// <summary>How many motions each counted list holds.</summary>
    public MotionCounts Counts { get; } = new(tables);

    public static string FactionPartition(string factionId) => "faction-" + factionId;

    public static string OverduePartition => "overdue";

    /// <summary>Motions with this trigram in a title word or the reference (<see cref="SearchWords.Grams"/>).</summary>
    public static string GramPartition(string gram) => GramPrefix + gram;

    private const string GramPrefix = "gram-";

    public static bool IsGramPartition(string partition) => partition.StartsWith(GramPrefix, StringComparison.Ordinal);

    /// <summary>What a search needs to match a motion; its line is read from the list of all motions.</summary>
    public static TableEntity GramRow(MotionRecord record, string partition, string rowKey) => new(partition, rowKey)
    {
        [nameof(MotionRecord.MotionId)] = record.MotionId,
        [nameof(MotionRecord.Title)] = record.Title,
        [nameof(MotionRecord.Reference)] = record.Reference,
    };

    /// <summary>Whole-word lists of versions before trigrams; <see cref="EnsureSearchBuiltAsync"/> removes them.</summary>
    public static string WordPartition(string word) => "word-" + word;

    public const string MetaPartition = "meta";

    /// <summary>Marks that every motion stored before the trigram lists is listed in them.</summary>
    public const string SearchBuiltRow = "search-grams";

    /// <summary>Ended motions whose personal data the retention job has yet to erase.</summary>
    public static string RetentionPartition => "retention";

    public static IEnumerable<string> Partitions(MotionRecord record)
    {
        yield return All;
        yield return StagePartition(record.Stage);
        yield return FactionPartition(record.FactionId);
        if (record.Overdue)
        {
            yield return OverduePartition;
        }
        if (record.AwaitsErasure)
        {
            yield return RetentionPartition;
        }
        foreach (var gram in SearchWords.Grams(record.Title, record.Reference))
        {
            yield return GramPartition(gram);
        }
    }

    public static string RowKey(MotionRecord record) =>
        (DateTimeOffset.MaxValue.UtcTicks - record.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + record.MotionId;

    /// <summary>Motions lying with this organization now (its vote, or its consultation): a meeting's candidates, the dashboard's
    /// body filter.</summary>
    public static string BodyPartition(string organizationId) => "body-" + organizationId;

    public static string SortPartition(MotionSort sort) => "sort-" + sort.ToString().ToLowerInvariant();

    /// <summary>
    /// Every row the motion has in the index: the lists above, newest first (<see cref="RowKey"/>), and the other
    /// orders of the dashboard, each a partition of all motions keyed by what it sorts by. Keys derive only from the
    /// stored record (dates of meetings, not the time a step ran), so a step that runs twice writes the same rows.
    /// </summary>
    public static IEnumerable<(string Partition, string RowKey)> Rows(MotionRecord record)
    {
        var newest = RowKey(record);
        foreach (var partition in Partitions(record))
        {
            yield return (partition, newest);
        }
        var line = MotionListItem.From(record);
        if (line.CurrentBodyId is { } body)
        {
            yield return (BodyPartition(body), newest);
        }
        yield return (SortPartition(MotionSort.Oldest),
            record.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + record.MotionId);
        // Scheduled first, by the meeting's day; then the rest, newest first ('~' sorts after every digit).
        yield return (SortPartition(MotionSort.Meeting),
            (line.MeetingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "~") + "|" + newest);
        // Decided first, the latest decision first; then the rest, newest first.
        yield return (SortPartition(MotionSort.Decision), (line.DecisionDate is { } decided
            ? (99_999_999 - (decided.Year * 10_000 + decided.Month * 100 + decided.Day)).ToString("D8", CultureInfo.InvariantCulture)
            : "~") + "|" + newest);
    }

    /// <summary>
    /// Moves the motion's rows from <paramref name="before"/>'s lists to <paramref name="after"/>'s. When nothing a
    /// line shows changed (a vote, an acknowledgement: only counts, acks and the time move), no row is written — most
    /// saves of a motion are of that kind. Callers write the index before the record (<see cref="MotionStore.SaveAsync"/>),
    /// so a rerun after a crash still sees the old record as "before" and writes what is missing.
    /// </summary>
    public async Task UpdateAsync(MotionRecord? before, MotionRecord after, CancellationToken cancellationToken)
    {
        if (before is not null && SameLine(before, after))
        {
            await _public.UpdateAsync(before, after, cancellationToken);
            return;
        }
        await EnsureTableAsync();
        var wanted = Rows(after).ToHashSet();
        var listed = before is null ? [] : Rows(before).ToHashSet();
        var stale = listed.Where(r => !wanted.Contains(r)).ToList();
        var summary = MotionListItem.From(after);
        // A trigram row holds only what the line's title and reference say: rewritten when they change, not with the
        // stage. A reference given for the first time (registration) only adds its own trigrams' rows: the older rows
        // keep an empty reference, which a search takes as "ask the line" (SearchPageAsync).
        var searchChanged = before is null || before.Title != after.Title || (before.Reference is not null && before.Reference != after.Reference);
        await Task.WhenAll(
            wanted.Where(r => !IsGramPartition(r.Partition) || searchChanged || !listed.Contains(r))
                .Select(r => IsGramPartition(r.Partition)
                    ? _table.UpsertEntityAsync(GramRow(after, r.Partition, r.RowKey), TableUpdateMode.Replace, cancellationToken)
                    : MotionCounts.IsCounted(r.Partition) && !listed.Contains(r)
                    ? EnterAsync(summary.ToEntity(r.Partition, r.RowKey), cancellationToken)
                    : _table.UpsertEntityAsync(summary.ToEntity(r.Partition, r.RowKey), TableUpdateMode.Replace, cancellationToken))
                .Concat(stale.Select(r => LeaveAsync(r.Partition, r.RowKey, cancellationToken)))
                .Append(_public.UpdateAsync(before, after, cancellationToken)));
    }

    /// <summary>Adds a row to a counted list; counts it only if it was not there yet (a rerun finds it and replaces it).</summary>
    private async Task EnterAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            return;
        }
        await Counts.AddAsync(row.PartitionKey, 1, cancellationToken);
    }

    /// <summary>Removes a row from a list; a counted list counts it only if the row was still there.</summary>
    private async Task LeaveAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(partition, key, ETag.All, cancellationToken);
        if (response.Status != 404 && MotionCounts.IsCounted(partition))
        {
            await Counts.AddAsync(partition, -1, cancellationToken);
        }
    }

    /// <summary>Equal lines mean equal rows too: partitions and keys derive from what the line lists.</summary>
    internal static bool SameLine(MotionRecord before, MotionRecord after) =>
        MotionListItem.From(before) with { UpdatedAt = default } == MotionListItem.From(after) with { UpdatedAt = default };

    public async Task RemoveAsync(MotionRecord record, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        await Task.WhenAll(Rows(record).Select(r => LeaveAsync(r.Partition, r.RowKey, cancellationToken)));
        await _public.RemoveAsync(record, cancellationToken);
    }

    /// <summary>One page of a list: rows of <paramref name="partition"/> that match <paramref name="filter"/>.</summary>
    public async Task<(IReadOnlyList<MotionListItem> Items, string? Continuation)> PageAsync(string partition, string? filter,
        string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + (filter is null ? "" : " and " + filter);
        await foreach (var page in _table.QueryAsync<TableEntity>(query, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(continuation, pageSize))
        {
            return (page.Values.Select(MotionListItem.FromEntity).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>
    /// One page of a trigram's list, newest first: the motions whose title words or reference hold every term, as their
    /// lines from the list of all motions (one point read per hit, in parallel). A motion removed meanwhile is left out.
    /// </summary>
    public async Task<(IReadOnlyList<MotionListItem> Items, string? Continuation)> SearchPageAsync(
        string gramPartition, IReadOnlyList<string> terms, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {gramPartition}");
        string[] columns = ["RowKey", nameof(MotionRecord.Title), nameof(MotionRecord.Reference)];
        await foreach (var page in _table.QueryAsync<TableEntity>(query, maxPerPage: pageSize, select: columns, cancellationToken: cancellationToken)
            .AsPages(continuation, pageSize))
        {
            // A row without a reference may be older than the motion's reference: its line says whether that matches.
            var candidates = page.Values.Where(row => row.GetString(nameof(MotionRecord.Reference)) is not { } reference
                || SearchWords.Matches(row.GetString(nameof(MotionRecord.Title)) ?? "", reference, terms));
            var lines = await Task.WhenAll(candidates.Select(row =>
                _table.GetEntityIfExistsAsync<TableEntity>(All, row.RowKey, cancellationToken: cancellationToken)));
            var hits = lines.Where(l => l.HasValue).Select(l => MotionListItem.FromEntity(l.Value!))
                .Where(line => SearchWords.Matches(line.Title, line.Reference, terms));
            return (hits.ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>How many rows a partition holds, read key by key: for <see cref="MotionCounts.RecountAsync"/>, not for pages.</summary>
    public async Task<int> CountRowsAsync(string partition, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// Lists the motions stored before the trigram lists existed, once (a marker row says it is done), and removes
    /// their whole-word rows. Rows the workflow wrote in the meantime are newer and stay.
    /// </summary>
    public Task EnsureSearchBuiltAsync() => (_searchBuilt ??= new(BuildSearchAsync)).EnsureAsync();

    /// <summary>Not cancelled with the request that started it: the other requests wait for the same build.</summary>
    private async Task BuildSearchAsync()
    {
        var cancellationToken = CancellationToken.None;
        await EnsureTableAsync();
        if ((await _table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, SearchBuiltRow, select: ["RowKey"],
            cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }
        var motions = tables.GetTableClient(MotionStore.TableName);
        await motions.CreateIfNotExistsAsync(cancellationToken);
        await foreach (var row in motions.QueryAsync<TableEntity>(e => e.RowKey == MotionRows.RecordKey, cancellationToken: cancellationToken))
        {
            var record = MotionRows.FromEntity(row);
            var key = RowKey(record);
            foreach (var gram in SearchWords.Grams(record.Title, record.Reference))
            {
                await AddIfMissingAsync(GramRow(record, GramPartition(gram), key), cancellationToken);
            }
            foreach (var word in LegacyWords(record))
            {
                await _table.DeleteEntityAsync(WordPartition(word), key, ETag.All, cancellationToken);
            }
        }
        await _table.UpsertEntityAsync(new TableEntity(MetaPartition, SearchBuiltRow), TableUpdateMode.Replace, cancellationToken);
    }

    private async Task AddIfMissingAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    /// <summary>The whole words (three letters or more) and the reference that earlier versions listed a motion under.</summary>
    private static IEnumerable<string> LegacyWords(MotionRecord record) =>
        SearchWords.Split(record.Title).Where(w => w.Length >= SearchWords.MinLength)
            .Concat(record.Reference is { Length: > 0 } reference ? SearchWords.Split(reference) : []).Distinct();

    private Task EnsureTableAsync() => _created.EnsureAsync();
}
