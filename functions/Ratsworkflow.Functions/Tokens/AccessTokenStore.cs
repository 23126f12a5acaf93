using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.Tokens;

/// <summary>
/// Tokens in one Azure table. Resolving is one point read (the group id in the token names the partition, its hash
/// the row); consuming is an ETag-guarded replace, so of two concurrent consumers exactly one wins; closing a group
/// is one partition query plus batched ETag-guarded merges.
/// </summary>
public sealed class AccessTokenStore : IAccessTokenStore
{
    private const int MaxAttempts = 5;
    private const int MaxBatch = 100;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private volatile bool _tableExists;

    public AccessTokenStore(TableServiceClient tables, TimeProvider time, IOptions<AccessTokenOptions> options)
    {
        _table = tables.GetTableClient(options.Value.TableName);
        _time = time;
    }

    public async Task<string> IssueAsync(TokenPurpose purpose, TokenSubject subject, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default)
    {
        var group = TokenGroup.Of(purpose, subject);
        var now = _time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new ArgumentException("A token must expire in the future.", nameof(expiresAt));
        }
        var groupId = group.Id();
        var (token, hash) = AccessTokenFormat.Create(groupId);
        var entity = new AccessTokenEntity
        {
            PartitionKey = TokenGroup.PartitionKeyOf(purpose, groupId),
            RowKey = hash,
            Purpose = purpose.ToString(),
            GroupKey = group.Key,
            MotionId = subject.MotionId,
            MemberId = subject.MemberId,
            Round = subject.Round,
            Email = subject.Email,
            IssuedAt = now,
            ExpiresAt = expiresAt,
        };
        await (await TableAsync(cancellationToken)).AddEntityAsync(entity, cancellationToken);
        return token;
    }

    public async Task<TokenResolution> ResolveAsync(TokenPurpose purpose, string? token, CancellationToken cancellationToken = default) =>
        (await FindAsync(purpose, token, cancellationToken)).Resolution;

    public async Task<TokenResolution> ConsumeAsync(TokenPurpose purpose, string? token, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (entity, resolution) = await FindAsync(purpose, token, cancellationToken);
            if (entity is null || !resolution.IsValid)
            {
                return resolution;
            }
            entity.UsedAt = _time.GetUtcNow();
            try
            {
                // Replace with If-Match: whoever wrote in between (another consumer, a close) makes this fail with 412.
                await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return new TokenResolution(TokenStatus.Valid, entity.ToAccessToken());
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Lost the race: read again; it now resolves as Used or Closed.
            }
        }
        throw new InvalidOperationException($"Token could not be consumed after {MaxAttempts} attempts.");
    }

    public async Task<int> CloseAsync(TokenGroup group, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {group.PartitionKey()}");
        var closed = 0;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var open = new List<AccessTokenEntity>();
            await foreach (var entity in table.QueryAsync<AccessTokenEntity>(filter, cancellationToken: cancellationToken))
            {
                // A used token is already spent; leaving it alone keeps "how many were open" honest.
                if (entity.ClosedAt is null && entity.UsedAt is null)
                {
                    open.Add(entity);
                }
            }
            if (open.Count == 0)
            {
                return closed;
            }
            var now = _time.GetUtcNow();
            try
            {
                foreach (var chunk in open.Chunk(MaxBatch))
                {
                    await table.SubmitTransactionAsync(chunk.Select(e => CloseAction(e, now)), cancellationToken);
                    closed += chunk.Length;
                }
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                // A token of the group was consumed meanwhile (its ETag changed): query again, close what is still open.
            }
        }
        throw new InvalidOperationException($"Token group could not be closed after {MaxAttempts} attempts.");
    }

    public async Task DeleteAsync(TokenGroup group, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {group.PartitionKey()}");
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }
        // Single deletes: a missing row (a concurrent run deleted it) is no error, where a batch would fail as a whole.
        await Task.WhenAll(keys.Select(k => table.DeleteEntityAsync(group.PartitionKey(), k, ETag.All, cancellationToken)));
    }

    private static TableTransactionAction CloseAction(AccessTokenEntity entity, DateTimeOffset now) =>
        new(TableTransactionActionType.UpdateMerge,
            new TableEntity(entity.PartitionKey, entity.RowKey) { [nameof(AccessTokenEntity.ClosedAt)] = now },
            entity.ETag);

    private async Task<(AccessTokenEntity? Entity, TokenResolution Resolution)> FindAsync(TokenPurpose purpose, string? token,
        CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(purpose) || !AccessTokenFormat.TryParse(token, out var groupId, out var hash))
        {
            return (null, TokenResolution.Unknown);
        }
        var table = await TableAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<AccessTokenEntity>(
            TokenGroup.PartitionKeyOf(purpose, groupId), hash, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity || !Matches(entity, purpose, hash))
        {
            return (null, TokenResolution.Unknown);
        }
        var stored = entity.ToAccessToken();
        return (entity, new TokenResolution(stored.StatusAt(_time.GetUtcNow()), stored));
    }

    /// <summary>
    /// The lookup already matched both keys; this re-check guards against a store that compares keys loosely
    /// (case-insensitive emulators) and is constant-time so it never leaks how much of a hash matched.
    /// </summary>
    private static bool Matches(AccessTokenEntity entity, TokenPurpose purpose, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entity.RowKey), Encoding.ASCII.GetBytes(hash))
        && entity.Purpose == purpose.ToString();

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
        return _table;
    }
}
