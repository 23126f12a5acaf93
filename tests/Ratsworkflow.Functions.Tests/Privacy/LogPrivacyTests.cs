using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Privacy;

/// <summary>
/// Logs end up in places with other retention and access rules than the motions (Application Insights, a console
/// collector): no email address and no link token may reach them, at the levels the app ships with.
/// </summary>
public sealed partial class LogPrivacyTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private const string Comment = "Ich stimme zu, weil es hilft.";
    private static string ShippedSettings => Path.Combine(RepositoryPaths.Root, "functions", "Ratsworkflow.Functions", "appsettings.json");

    [Fact]
    public async Task Logs_WholeMotionAtShippedLevels_NameNoAddressAndNoToken()
    {
        var logs = new CapturedLogs();
        // The app's own code at Debug, the framework at the shipped levels.
        await using var app = await StartAsync(logs, shipped: true, ("Ratsworkflow", "Debug"));
        var decided = await DecideAsync(app);
        var withdrawn = await WithdrawAsync(app);

        var secrets = await TokensMailedAsync(app, decided.Title, withdrawn.Title);
        var entries = logs.Entries.ToList();

        Assert.NotEmpty(secrets);
        Assert.Contains(entries, e => e.Contains("via SMTP", StringComparison.Ordinal));
        var leaks = entries.Where(e => EmailAddress().Matches(e).Any(m => !MessageId().IsMatch(m.Value)) || secrets.Any(s => e.Contains(s, StringComparison.Ordinal))
            || e.Contains("Maria Beispiel", StringComparison.Ordinal) || e.Contains(Comment, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Leaking log entries:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task Logs_TokenInPath_WouldBeLoggedAtDebugButNotAtShippedLevels()
    {
        var token = "LogProbe" + Guid.NewGuid().ToString("N");
        var verbose = new CapturedLogs();
        await using (var app = await StartAsync(verbose, shipped: false, ("Default", "Debug"), ("Microsoft.AspNetCore", "Debug"), ("Microsoft.AspNetCore.Hosting.Diagnostics", "Debug")))
        {
            await app.Anonymous.GetAsync($"/votum/{token}");
        }
        var shipped = new CapturedLogs();
        await using (var app = await StartAsync(shipped, shipped: true))
        {
            await app.Anonymous.GetAsync($"/votum/{token}");
            await app.Anonymous.PostAsJsonAsync($"/api/votes/{token}", new { choice = "yes" });
            await app.Anonymous.GetAsync($"/antrag/{Guid.NewGuid():N}/bestaetigen/{token}");
        }

        Assert.Contains(verbose.Entries, e => e.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(shipped.Entries, e => e.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicOutput_DecidedMotion_ShowsNoSubmitterAddressOrComment()
    {
        await using var app = await StartAsync(new CapturedLogs(), shipped: true);
        var motion = await DecideAsync(app);

        var page = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync($"/antraege/{motion.MotionId}"));
        var paper = await app.Anonymous.GetStringAsync($"/oparl/v1.1/papers/{motion.MotionId}");

        foreach (var text in new[] { page, paper })
        {
            Assert.Contains(motion.Title, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Maria Beispiel", text, StringComparison.Ordinal);
            Assert.DoesNotContain("maria.beispiel", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Comment, text, StringComparison.Ordinal);
        }
        Assert.Equal(Comment, Assert.Single((await motion.GetAsync()).Beirat!.Comments).Comment);
    }

    private Task<WorkflowApp> StartAsync(CapturedLogs logs, bool shipped, params (string Category, string Level)[] levels) =>
        WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev, configure: builder =>
        {
            if (shipped)
            {
                builder.Configuration.AddJsonFile(ShippedSettings, optional: false);
            }
            builder.Configuration.AddInMemoryCollection(levels.ToDictionary(l => "Logging:LogLevel:" + l.Category, l => (string?)l.Level));
            builder.Logging.AddProvider(logs);
        });

    private static async Task<Scenario> DecideAsync(WorkflowApp app)
    {
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        var confirmation = await motion.MailAsync("gruene-fraktion@example.org", "bestätigen Sie den Antrag");
        await app.Anonymous.GetAsync(PathOf(confirmation, "/bestaetigen/"));
        await motion.ConfirmFromMailAsync();
        await motion.VoteAndDecideAsync(Comment);
        return motion;
    }

    private static async Task<Scenario> WithdrawAsync(WorkflowApp app)
    {
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);
        var registered = await motion.MailAsync("gruene-fraktion@example.org", "Antrag registriert");
        await app.Anonymous.GetAsync(PathOf(registered, "/status/"));
        var response = await app.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/withdraw", new { token = WorkflowApp.TokenFrom(registered, "/status/") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await motion.WaitForStageAsync(MotionStage.Withdrawn);
        return motion;
    }

    /// <summary>The last path segment of every link in the motions' mails: the tokens that must stay secret.</summary>
    private static async Task<List<string>> TokensMailedAsync(WorkflowApp app, params string[] titles) =>
        (await app.Mail.GetAllAsync())
            .Where(m => titles.Any(t => m.Subject.Contains(t, StringComparison.Ordinal) || (m.Text ?? "").Contains(t, StringComparison.Ordinal)))
            .SelectMany(m => Link().Matches(m.Text ?? "").Select(l => l.Value.TrimEnd('/', '.', ')').Split('/')[^1]))
            .Where(segment => segment.Length >= 20 && !MotionId().IsMatch(segment))
            .Distinct()
            .ToList();

    private static string PathOf(ReceivedMail mail, string part) =>
        new Uri(Link().Matches(mail.Text ?? "").Select(m => m.Value.TrimEnd('/', '.', ')')).First(l => l.Contains(part, StringComparison.Ordinal))).AbsolutePath;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    /// <summary>The Message-Id of a sent mail is shaped like an address but is a hash at the sender's domain.</summary>
    [GeneratedRegex("^rw\\.[0-9a-f]{40}@")]
    private static partial Regex MessageId();

    /// <summary>Motion ids end the clerks' and public links; they are no secret and logs name them on purpose.</summary>
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex MotionId();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
