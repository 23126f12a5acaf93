using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Ratsworkflow.Functions.Web;

/// <summary>
/// A rate limit on a page's POST only. <c>[EnableRateLimiting]</c> on a page model would count every GET too (a
/// clerk office behind one address would soon be locked out of merely seeing the form), and Razor Pages take no
/// attributes on handler methods. So the page gets two endpoints on the same route: GET/HEAD as before, and POST
/// with the policy. Routing picks one by the method; both run the same page.
/// </summary>
public static class PostRateLimit
{
    public static PageConventionCollection RateLimitPosts(this PageConventionCollection conventions, string pageName, string policy)
    {
        conventions.AddPageRouteModelConvention(pageName, model =>
        {
            foreach (var selector in model.Selectors.ToList())
            {
                var post = new SelectorModel(selector);
                selector.EndpointMetadata.Add(new HttpMethodMetadata(["GET", "HEAD"]));
                post.EndpointMetadata.Add(new HttpMethodMetadata(["POST"]));
                post.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
                if (post.AttributeRouteModel is { } route)
                {
                    // Links to the page come from the GET endpoint; both have the same URL anyway.
                    route.SuppressLinkGeneration = true;
                }
                model.Selectors.Add(post);
            }
        });
        return conventions;
    }
}
