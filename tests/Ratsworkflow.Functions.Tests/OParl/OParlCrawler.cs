using System.Net;
using Newtonsoft.Json.Linq;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>
/// Walks the API from the System object like an OParl client: every external list page by page (with a small
/// <c>limit</c>, so lists span several pages), every object by its id, every reference the schemas declare. Each
/// response is validated against its schema (embedded objects against their own); list pages against the rules of
/// "Paginierung"; an object in a list must equal the object at its id (complete form); a reference must resolve to an
/// object of the referenced type.
/// </summary>
public sealed class OParlCrawler(OpenDataApp app, OParlSchemas schemas, int limit)
{
    private readonly Queue<SchemaReference> _queue = new();
    private readonly HashSet<string> _visitedLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _listed = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];
    public Dictionary<string, JObject> Objects { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> ListItems { get; } = new(StringComparer.Ordinal);
    public List<string> Responses { get; } = [];
    public int Pages { get; private set; }

    public async Task CrawlAsync(string systemUrl)
    {
        _queue.Enqueue(new SchemaReference(systemUrl, "System", IsList: false, "System"));
        while (_queue.TryDequeue(out var next))
        {
            if (next.IsList)
            {
                if (_visitedLists.Add(next.Url))
                {
                    await WalkListAsync(next);
                }
            }
            else if (Objects.TryGetValue(next.Url, out var known))
            {
                CheckType(known, next);
            }
            else
            {
                await FetchObjectAsync(next);
            }
        }
    }

    private async Task FetchObjectAsync(SchemaReference reference)
    {
        var json = await GetJsonAsync(reference.Url, reference.Path);
        if (json is not JObject item)
        {
            Objects[reference.Url] = new JObject();
            return;
        }
        Objects[reference.Url] = item;
        if (item.Value<string>("id") != reference.Url)
        {
            Errors.Add($"{reference.Path}: {reference.Url} answers with id {item.Value<string>("id")}.");
        }
        CheckType(item, reference);
        var references = new List<SchemaReference>();
        Errors.AddRange(schemas.Validate(item, reference.Schema, reference.Url, references));
        foreach (var found in references)
        {
            _queue.Enqueue(found);
        }
        if (_listed.TryGetValue(reference.Url, out var listed) && !JToken.DeepEquals(listed, item))
        {
            Errors.Add($"{reference.Url}: the list shows it differently from its own URL (complete form).");
        }
        if (reference.Schema == "File")
        {
            await CheckDocumentAsync(item.Value<string>("accessUrl")!, item.Value<string>("mimeType")!, attachment: false);
            await CheckDocumentAsync(item.Value<string>("downloadUrl")!, item.Value<string>("mimeType")!, attachment: true);
        }
    }

    private void CheckType(JObject item, SchemaReference reference)
    {
        var expected = "https://schema.oparl.org/1.1/" + reference.Schema;
        if (item.Count > 0 && item.Value<string>("type") != expected)
        {
            Errors.Add($"{reference.Path}: {reference.Url} is a {item.Value<string>("type")}, expected {expected}.");
        }
    }

    private async Task WalkListAsync(SchemaReference list)
    {
        var url = list.Url + (list.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=" + limit;
        var first = url;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int? totalElements = null, totalPages = null;
        var page = 0;
        while (url is not null)
        {
            page++;
            Pages++;
            var where = $"{list.Path} page {page}";
            if (await GetJsonAsync(url, where) is not JObject body)
            {
                return;
            }
            if (body["data"] is not JArray data || body["pagination"] is not JObject pagination || body["links"] is not JObject links)
            {
                Errors.Add($"{where}: a list page needs data, pagination and links.");
                return;
            }
            var next = links.Value<string>("next");
            Expect(pagination.Value<int?>("elementsPerPage") == limit, where, "elementsPerPage is the limit");
            Expect(pagination.Value<int?>("currentPage") is null || pagination.Value<int?>("currentPage") == page, where, "currentPage counts the pages");
            Expect(next is null || data.Count == limit, where, "every page but the last is full");
            Expect(links.Value<string>("first") is null || links.Value<string>("first") == first, where, "first links the first page");
            Expect(page == 1 || links.Value<string>("prev") is null || links["prev"]!.Type == JTokenType.String, where, "prev is a URL");
            totalElements ??= pagination.Value<int?>("totalElements");
            totalPages ??= pagination.Value<int?>("totalPages");
            for (var i = 0; i < data.Count; i++)
            {
                var item = (JObject)data[i];
                var id = item.Value<string>("id") ?? "";
                Expect(ids.Add(id), where, $"{id} is listed once");
                var references = new List<SchemaReference>();
                Errors.AddRange(schemas.Validate(item, list.Schema, $"{where}[{i}]", references));
                _listed[id] = item;
                _queue.Enqueue(new SchemaReference(id, list.Schema, IsList: false, $"{where}[{i}]"));
            }
            url = next;
            if (page > 1000)
            {
                Errors.Add($"{list.Path}: more than 1000 pages, the next links go round in circles.");
                return;
            }
        }
        Expect(totalElements is null || totalElements == ids.Count, list.Path, $"totalElements {totalElements} is the number listed ({ids.Count})");
        Expect(totalPages is null || totalPages == page, list.Path, $"totalPages {totalPages} is the number of pages ({page})");
        ListItems[list.Url] = ids.Count;
    }

    private async Task<JToken?> GetJsonAsync(string url, string where)
    {
        using var response = await app.Client.GetAsync(app.Local(url));
        var text = await response.Content.ReadAsStringAsync();
        Responses.Add(text);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Errors.Add($"{where}: GET {url} answered {(int)response.StatusCode}.");
            return null;
        }
        Expect(response.Content.Headers.ContentType?.MediaType == "application/json", where, "the answer is application/json");
        Expect(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Contains("*"), where, "CORS allows every origin");
        return OParlSchemas.Parse(text);
    }

    /// <param name="mimeType">What the File object says it is: the generated motion (HTML) or an Anlage (PDF).</param>
    private async Task CheckDocumentAsync(string url, string mimeType, bool attachment)
    {
        using var response = await app.Client.GetAsync(app.Local(url));
        var text = await response.Content.ReadAsStringAsync();
        Responses.Add(text);
        Expect(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == mimeType, url, $"the file is a document of type {mimeType}");
        Expect(!attachment || response.Content.Headers.ContentDisposition?.DispositionType == "attachment", url, "the download is an attachment");
    }

    private void Expect(bool condition, string where, string rule)
    {
        if (!condition)
        {
            Errors.Add($"{where}: expected {rule}.");
        }
    }
}
