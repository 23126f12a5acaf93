using Microsoft.AspNetCore.StaticFiles;

namespace Ratsworkflow.Functions.Web;

/// <summary>
/// Cache headers for wwwroot. The layout links assets with <c>asp-append-version</c> (<c>?v=&lt;hash&gt;</c>), so a
/// versioned URL never changes its content and may be cached for a year; an unversioned one (favicon, a bookmark)
/// only for an hour so a deploy shows up soon.
/// </summary>
public static class StaticFileCaching
{
    public const string Versioned = "public, max-age=31536000, immutable";
    public const string Unversioned = "public, max-age=3600";

    public static IApplicationBuilder UseCachedStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheControl });

    private static void SetCacheControl(StaticFileResponseContext file) =>
        file.Context.Response.Headers.CacheControl =
            file.Context.Request.Query.ContainsKey("v") ? Versioned : Unversioned;
}
