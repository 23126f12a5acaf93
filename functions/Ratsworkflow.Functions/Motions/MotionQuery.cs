namespace Ratsworkflow.Functions.Motions;

/// <summary>The dashboard's filters; the most selective one picks the index partition, the others filter within it.</summary>
public sealed record MotionQuery(MotionStage? Stage = null, string? FactionId = null, bool? Overdue = null, string? Search = null,
    string? Continuation = null, int PageSize = 50, MotionSort Sort = MotionSort.Newest, string? OrganizationId = null);

/// <summary>The dashboard's orders; each but the first is an index partition of its own (<see cref="MotionIndex.Rows"/>).</summary>
public enum MotionSort
{
    /// <summary>Newest receipt first.</summary>
    Newest,

    /// <summary>Oldest receipt first.</summary>
    Oldest,

    /// <summary>The next meeting first; motions without one after them.</summary>
    Meeting,

    /// <summary>The latest decision first; undecided motions after them.</summary>
    Decision,
}

public sealed record MotionPage(IReadOnlyList<MotionListItem> Items, string? Continuation);

public static class MotionQueries
{
    /// <summary>Reads one page; filters within the page may make it shorter, the continuation still goes on.</summary>
    public static async Task<MotionPage> PageAsync(this MotionIndex index, MotionQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var terms = SearchWords.Terms(query.Search);
        if (terms.Count > 0)
        {
            // A search reads its rarest trigram's list, newest first, and the lines of the motions holding every term;
            // the other filters apply to those lines.
            await index.EnsureSearchBuiltAsync();
            var (hits, next) = await index.SearchPageAsync(
                MotionIndex.GramPartition(SearchWords.GramToRead(terms)), terms, query.Continuation, pageSize, cancellationToken);
            return new MotionPage(hits.Where(query.Keeps).ToList(), next);
        }
        // Without a search, another order reads its own partition and the filters apply within it.
        var partition = query.Sort != MotionSort.Newest ? MotionIndex.SortPartition(query.Sort)
            : query.Overdue == true ? MotionIndex.OverduePartition
            : query.OrganizationId is { Length: > 0 } body ? MotionIndex.BodyPartition(body)
            : query.Stage is { } stage ? MotionIndex.StagePartition(stage)
            : query.FactionId is { Length: > 0 } faction ? MotionIndex.FactionPartition(faction)
            : MotionIndex.All;
        var filters = new List<string>();
        if (query.Stage is { } s)
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"Stage eq {s.ToString()}"));
        }
        if (query.FactionId is { Length: > 0 } f)
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"FactionId eq {f}"));
        }
        if (query.OrganizationId is { Length: > 0 } organization)
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"CurrentBodyId eq {organization}"));
        }
        if (query.Overdue is { } overdue)
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"Overdue eq {overdue}"));
        }
        var (items, continuation) = await index.PageAsync(partition, filters.Count == 0 ? null : string.Join(" and ", filters),
            query.Continuation, pageSize, cancellationToken);
        return new MotionPage(items, continuation);
    }

    /// <summary>The filters above, on a line already read (a search's hits).</summary>
    private static bool Keeps(this MotionQuery query, MotionListItem item) =>
        (query.Stage is not { } stage || item.Stage == stage)
        && (query.FactionId is not { Length: > 0 } faction || item.FactionId == faction)
        && (query.OrganizationId is not { Length: > 0 } body || item.CurrentBodyId == body)
        && (query.Overdue is not { } overdue || item.Overdue == overdue);
}
