using System.Runtime.CompilerServices;
using Azure;

namespace Ratsworkflow.Durable;

/// <summary>Pages of instances with a continuation token that can be handed to a caller and resumed later.</summary>
internal sealed class InstancePageable(DurableTaskClient client, OrchestrationQuery query) : AsyncPageable<OrchestrationMetadata>
{
    public override async IAsyncEnumerable<Page<OrchestrationMetadata>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var q = pageSizeHint is { } size ? query with { PageSize = size } : query;
        var token = continuationToken ?? query.ContinuationToken;
        do
        {
            var page = await client.QueryPageAsync(q, token, CancellationToken);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}

internal static class InstanceQueryFilter
{
    public static string Build(OrchestrationQuery query)
    {
        var parts = new List<string> { Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {Storage.RowKeys.Instance}") };
        if (query.Statuses is { Count: > 0 } statuses)
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(s => Azure.Data.Tables.TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))) + ")");
        }
        if (query.CreatedFrom is { } from)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }
        if (query.CreatedTo is { } to)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"CreatedAt le {to}"));
        }
        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            parts.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + char.MaxValue}"));
        }
        return string.Join(" and ", parts);
    }
}
