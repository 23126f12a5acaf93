using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Routing;

namespace Ratsworkflow.FunctionApp.Hosting;

/// <summary>
/// What the embedded app gets of the function's request: the request, the response and the connection (the server's
/// features), never what the worker's own ASP.NET Core pipeline put there for itself.
/// </summary>
public static class RequestFeatures
{
    /// <summary>
    /// Set by the worker's pipeline for the function (DI scope of the invocation, the function's endpoint and route
    /// values, its items, its user). Passed on, they would make the app resolve its services from the worker's
    /// container and skip its own routing (an endpoint already set means "matched").
    /// </summary>
    private static readonly HashSet<Type> WorkerOwned =
    [
        typeof(IServiceProvidersFeature),
        typeof(IEndpointFeature),
        typeof(IRouteValuesFeature),
        typeof(IRoutingFeature),
        typeof(IItemsFeature),
        typeof(IHttpAuthenticationFeature),
    ];

    /// <summary>A new collection with the request's features, so what the app sets stays the app's.</summary>
    public static IFeatureCollection For(HttpContext request)
    {
        var features = new FeatureCollection();
        foreach (var (type, feature) in request.Features)
        {
            if (!WorkerOwned.Contains(type))
            {
                features[type] = feature;
            }
        }
        return features;
    }
}
