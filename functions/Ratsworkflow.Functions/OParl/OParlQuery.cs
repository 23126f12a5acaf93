using System.Globalization;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// The URL parameters of an external object list: the four time filters (full date-times, inclusive), <c>limit</c>
/// (elements per page, at most <see cref="MaxLimit"/>) and the page: <c>page</c> (1-based) for lists counted in
/// memory, <c>page</c> plus <c>after</c> (the last key of the previous page) for papers, which page through the index.
/// Every link a list page gives keeps the filters.
/// </summary>
public sealed record OParlQuery(PublicMotionRange Range, int Limit, int Page, string? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    private static readonly string[] Filters = ["created_since", "created_until", "modified_since", "modified_until"];

    /// <returns>The query, or null and a German explanation of what is wrong.</returns>
    public static (OParlQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var times = new Dictionary<string, DateTimeOffset>();
        foreach (var name in Filters)
        {
            if (query[name].FirstOrDefault() is not { Length: > 0 } raw)
            {
                continue;
            }
            // An unencoded "+01:00" arrives as " 01:00": the one reading that makes sense is the offset.
            var text = raw.Replace(' ', '+');
            // A date-time needs its offset (RFC 3339): without one, the moment would depend on the server's zone.
            if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                || !(text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-'))
            {
                return (null, $"„{name}“ muss ein vollständiger Zeitpunkt mit Zeitzone sein, zum Beispiel 2026-01-01T00:00:00+01:00.");
            }
            times[name] = at;
        }
        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } limitText
            && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1))
        {
            return (null, "„limit“ muss eine ganze Zahl ab 1 sein.");
        }
        var page = 1;
        if (query["page"].FirstOrDefault() is { Length: > 0 } pageText
            && !(int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            return (null, "„page“ muss eine ganze Zahl ab 1 sein.");
        }
        var after = query["after"].FirstOrDefault();
        if (after is { Length: > 0 } && !after.All(c => char.IsAsciiLetterOrDigit(c) || c == '|'))
        {
            return (null, "„after“ ist ungültig; folgen Sie den Links der Liste.");
        }
        var range = new PublicMotionRange(
            times.TryGetValue("created_since", out var cs) ? cs : null,
            times.TryGetValue("created_until", out var cu) ? cu : null,
            times.TryGetValue("modified_since", out var ms) ? ms : null,
            times.TryGetValue("modified_until", out var mu) ? mu : null);
        return (new OParlQuery(range, Math.Min(limit, MaxLimit), page, after is { Length: > 0 } ? after : null), null);
    }

    public bool Matches(OParlObject item) =>
        (Range.CreatedSince is not { } cs || item.Created >= cs) &&
        (Range.CreatedUntil is not { } cu || item.Created <= cu) &&
        (Range.ModifiedSince is not { } ms || item.Modified >= ms) &&
        (Range.ModifiedUntil is not { } mu || item.Modified <= mu);

    /// <summary>The URL of another page of the same list, with the same filters and limit.</summary>
    public string Link(string listUrl, int page, string? after = null)
    {
        var parameters = new List<string>();
        void Add(string name, DateTimeOffset? at)
        {
            if (at is { } value)
            {
                parameters.Add(name + "=" + Uri.EscapeDataString(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)));
            }
        }
        Add("created_since", Range.CreatedSince);
        Add("created_until", Range.CreatedUntil);
        Add("modified_since", Range.ModifiedSince);
        Add("modified_until", Range.ModifiedUntil);
        if (Limit != DefaultLimit)
        {
            parameters.Add("limit=" + Limit.ToString(CultureInfo.InvariantCulture));
        }
        if (page > 1)
        {
            parameters.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }
        if (after is not null)
        {
            parameters.Add("after=" + Uri.EscapeDataString(after));
        }
        return parameters.Count == 0 ? listUrl : listUrl + "?" + string.Join("&", parameters);
    }

    /// <summary>A page of a list held in memory (sorted by the caller), with every link and count.</summary>
    public OParlListPage<T> PageOf<T>(IEnumerable<T> sorted, string listUrl) where T : OParlObject
    {
        var items = sorted.Where(Matches).ToList();
        var totalPages = Math.Max(1, (items.Count + Limit - 1) / Limit);
        return new OParlListPage<T>(
            items.Skip((Page - 1) * Limit).Take(Limit).ToList(),
            new OParlPagination(Limit, Page, items.Count, totalPages),
            new OParlLinks(
                First: Link(listUrl, 1),
                Self: Link(listUrl, Page),
                Prev: Page > 1 ? Link(listUrl, Math.Min(Page - 1, totalPages)) : null,
                Next: Page < totalPages ? Link(listUrl, Page + 1) : null,
                Last: Link(listUrl, totalPages)));
    }
}
