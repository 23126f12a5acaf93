using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.Security;

/// <summary>Section <c>Clerks</c>: how long a clerk's sign-in lasts at most, however busy the clerk is.</summary>
public sealed class ClerkSessionOptions
{
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// A clerk's sign-in is a session on the server, not only a cookie: the cookie carries a random session id, and the
/// session's row in the table <c>ClerkSessions</c> must exist and be within its absolute lifetime on every request.
/// Signing out deletes the row, so a copied cookie stops working at once. The row key is the id's hash, so the table
/// alone lets nobody forge a session; rows hold no address.
/// </summary>
public sealed class ClerkSessions(TableServiceClient tables, TimeProvider clock, IOptions<ClerkSessionOptions> options, ILogger<ClerkSessions> logger)
{
    public const string TableName = "ClerkSessions";
    public const string SessionClaim = "rw-session";
    private const string Partition = "session";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Table(tables.GetTableClient(TableName));

    public async Task SignInAsync(HttpContext context, string email, CancellationToken cancellationToken)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await _created.EnsureAsync();
        await _table.AddEntityAsync(new TableEntity(Partition, Key(id)) { ["ExpiresAt"] = now + options.Value.SessionLifetime }, cancellationToken);
        var principal = ClerkAuthentication.CreatePrincipal(email, ClerkAuthentication.CookieScheme);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(SessionClaim, id));
        await context.SignInAsync(ClerkAuthentication.CookieScheme, principal);
        await RemoveExpiredAsync(now, cancellationToken);
    }

    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.User.FindFirst(SessionClaim)?.Value is { } id)
        {
            await _created.EnsureAsync();
            await _table.DeleteEntityAsync(Partition, Key(id), ETag.All, cancellationToken);
        }
        await context.SignOutAsync(ClerkAuthentication.CookieScheme);
    }

    /// <summary>The cookie handler's check on every request: a cookie without a live session signs nobody in.</summary>
    internal async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(SessionClaim)?.Value;
        if (id is not null && await IsLiveAsync(id, context.HttpContext.RequestAborted))
        {
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(ClerkAuthentication.CookieScheme);
    }

    private async Task<bool> IsLiveAsync(string id, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(id), select: ["ExpiresAt"], cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetDateTimeOffset("ExpiresAt") > clock.GetUtcNow();
    }

    /// <summary>Sessions nobody signed out of leave when the next clerk signs in, so the table holds live ones only.</summary>
    private async Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ExpiresAt le {now}"),
                select: ["RowKey"], cancellationToken: cancellationToken))
            {
                await _table.DeleteEntityAsync(Partition, row.RowKey, ETag.All, cancellationToken);
            }
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning("Expired clerk sessions could not be removed (status {Status}); the next sign-in tries again.", ex.Status);
        }
    }

    private static string Key(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
