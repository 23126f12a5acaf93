using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// A data table with caption: <c>&lt;rw-table caption="Anträge"&gt;&lt;thead&gt;…&lt;/thead&gt;&lt;tbody&gt;…&lt;/tbody&gt;&lt;/rw-table&gt;</c>.
/// It sits in a region that scrolls sideways on a phone; the region is named by the caption and focusable, so
/// keyboard users can scroll it too (WCAG 2.1.1). The caption text stands above the region, where it wraps and stays.
/// Header cells need <c>scope="col"</c>/<c>scope="row"</c>; give number columns <c>class="table__number"</c>.
/// </summary>
[HtmlTargetElement("rw-table", Attributes = "caption")]
public sealed class TableTagHelper : TagHelper
{
    public string Caption { get; set; } = "";

    /// <summary>Hide the caption visually when a heading right above already says the same.</summary>
    public bool CaptionHidden { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // Counted per response: Razor's ids are fixed per place in the source and share their first characters, so
        // two tables of one page (a loop, a partial used twice, two tables in one file) would get the same id.
        var items = ViewContext.HttpContext.Items;
        var number = (items[typeof(TableTagHelper)] as int? ?? 0) + 1;
        items[typeof(TableTagHelper)] = number;
        var id = "tabelle-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The real caption, for screen readers. Shown inside the scrolling region it would scroll away with the
        // table on a phone, so sighted readers get the same text above the region instead.
        var caption = new TagBuilder("caption");
        caption.AddCssClass("visually-hidden");
        caption.InnerHtml.Append(Caption);
        var table = new TagBuilder("table");
        table.AddCssClass("table");
        table.InnerHtml.AppendHtml(caption).AppendHtml(await output.GetChildContentAsync());

        var visible = new TagBuilder("p") { Attributes = { ["id"] = id, ["aria-hidden"] = "true" } };
        visible.AddCssClass(CaptionHidden ? "visually-hidden" : "table__caption");
        visible.InnerHtml.Append(Caption);
        var region = new TagBuilder("div") { Attributes = { ["role"] = "region", ["aria-labelledby"] = id, ["tabindex"] = "0" } };
        region.AddCssClass("table-scroll");
        region.InnerHtml.AppendHtml(table);

        output.TagName = null;
        output.Content.SetHtmlContent(new HtmlContentBuilder().AppendHtml(visible).AppendHtml(region));
    }
}
