using System.Net;
using System.Text.RegularExpressions;
using Ratsworkflow.Testing;

namespace Ratsworkflow.FunctionApp.Tests.Web;

/// <summary>Two instances of the Functions app on one storage account, as Flex Consumption scales out.</summary>
public sealed partial class ScaleOutTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task RunAsync_FormServedByOneInstance_IsAcceptedByAnother()
    {
        await using var first = await WorkerHarness.StartAsync(azurite.ConnectionString, mail.MailDev);
        await using var second = await WorkerHarness.StartAsync(azurite.ConnectionString, mail.MailDev);

        var form = await first.Anonymous.GetAsync("/antrag/neu");
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/antrag/neu")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Title", "")]),
        };
        post.Headers.Add("Cookie", cookie);
        var answer = await second.Anonymous.SendAsync(post);

        // A token the second instance cannot read answers 400; a readable one gets the form back with German errors.
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("lang=\"de\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
