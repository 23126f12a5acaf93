using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// Runs one of ASP.NET Core's own tag helpers (input, textarea, select) inside ours, so the control keeps their
/// behaviour — value from the posted form after an error, date and number formats, the checkbox's hidden field —
/// and ours only adds the label, hint, error and ARIA around it.
/// </summary>
internal static class InnerTagHelper
{
    public static async Task<TagHelperOutput> RunAsync(
        ITagHelper helper, string tagName, TagHelperAttributeList attributes, TagMode mode, string? content = null)
    {
        var context = new TagHelperContext(tagName, new TagHelperAttributeList(attributes),
            new Dictionary<object, object>(), Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, attributes,
            (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()))
        {
            TagMode = mode,
        };
        if (content is not null)
        {
            output.Content.SetHtmlContent(content);
        }
        helper.Init(context);
        await helper.ProcessAsync(context, output);
        return output;
    }
}
