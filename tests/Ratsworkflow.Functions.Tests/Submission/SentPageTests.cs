using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Pages.Antrag;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Submission;

public sealed class SentPageTests
{
    [Theory]
    [InlineData(1, "1 Tag")] // the page said "gilt 1 Tage"
    [InlineData(7, "7 Tage")]
    public void LinkValidity_ConfiguredExpiry_DaysInTheirNumber(int days, string expected)
    {
        // The catalog is read only when the page is requested; the validity comes from the options alone.
        var page = new GesendetModel(null!, Options.Create(new WorkflowOptions { ConfirmationExpiry = TimeSpan.FromDays(days) }));

        Assert.Equal(expected, page.LinkValidity);
    }
}
