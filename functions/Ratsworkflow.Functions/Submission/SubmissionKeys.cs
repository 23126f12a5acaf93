using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Submission;

/// <summary>What an <c>Idempotency-Key</c> found: a new submission, the same one again, or another one under that key.</summary>
public enum KeyClaim
{
    New,
    Repeated,
    Conflicting,
}

/// <summary>
/// The <c>Idempotency-Key</c> of <c>POST /api/motions</c>: a client whose answer got lost sends the same submission
/// with the same key again and gets the motion the first request created, instead of a second one. A row per key
/// (SHA-256 of the key, so no caller's text is stored) holds the motion id and a fingerprint of the submission;
/// claimed by insert-if-absent, so of two simultaneous requests only one creates. Keys are remembered for
/// <see cref="Lifetime"/>; an older row is taken over by the next request with that key.
/// </summary>
public sealed class SubmissionKeys(TableServiceClient tables)
{
    public const string TableName = "SubmissionKeys";
    public const int MaxLength = 200;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Table(tables.GetTableClient(TableName));

    /// <summary>1–200 visible ASCII characters (what HTTP headers carry safely).</summary>
    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>Claims <paramref name="key"/> for <paramref name="motionId"/>; on a repeat, the motion id the key holds.</summary>
    public async Task<(KeyClaim Claim, string MotionId, DateTimeOffset ClaimedAt)> ClaimAsync(string key, string fingerprint, string motionId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var row = new TableEntity(Hash(key), "key") { ["MotionId"] = motionId, ["Fingerprint"] = fingerprint, ["ClaimedAt"] = now };
        while (true)
        {
            try
            {
                await _table.AddEntityAsync(row, cancellationToken);
                return (KeyClaim.New, motionId, now);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var held = await _table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
                if (!held.HasValue || held.Value is not { } existing)
                {
                    continue; // released in between
                }
                var claimed = existing.GetDateTimeOffset("ClaimedAt") ?? now;
                if (now - claimed > Lifetime)
                {
                    await TryDeleteAsync(existing, cancellationToken);
                    continue;
                }
                return existing.GetString("Fingerprint") == fingerprint
                    ? (KeyClaim.Repeated, existing.GetString("MotionId")!, claimed)
                    : (KeyClaim.Conflicting, "", claimed);
            }
        }
    }

    /// <summary>Frees the key after a submission failed, so the client's retry with it starts afresh.</summary>
    public async Task ReleaseAsync(string key) =>
        await _table.DeleteEntityAsync(Hash(key), "key", ETag.All, CancellationToken.None);

    private async Task TryDeleteAsync(TableEntity stale, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, stale.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Another request took the expired key over first; the next round reads what it wrote.
        }
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}
