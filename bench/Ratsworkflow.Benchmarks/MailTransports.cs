using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Why the benchmark reads mails from its own SendGrid-compatible sink and not from maildev: the app's own SMTP and
/// SendGrid transports each send the same mails, 8 at a time, to maildev and to the sink; then maildev's
/// <c>GET /email</c> (how the tests read tokens) is timed with all of them stored.
/// </summary>
internal static class MailTransports
{
    public static async Task RunAsync(Options options, MailSink sink, Report report)
    {
        var count = options.Quick ? 100 : 1_000;
        await using var maildev = await MailDev.StartAsync();
        var settings = Microsoft.Extensions.Options.Options.Create(new EmailOptions
        {
            Smtp = new EmailOptions.SmtpOptions { Host = "127.0.0.1", Port = maildev.SmtpPort },
            SendGrid = new EmailOptions.SendGridOptions { ApiKey = "benchmark", BaseUrl = sink.BaseUrl },
        });
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var smtp = new SmtpEmailTransport(settings, NullLogger<SmtpEmailTransport>.Instance);
        var sendGrid = new SendGridEmailTransport(settings, services.GetRequiredService<IHttpClientFactory>(), NullLogger<SendGridEmailTransport>.Instance);
        var body = new string('x', 3000);
        foreach (var (name, transport) in new (string, IEmailTransport)[] { ("SMTP → maildev", smtp), ("SendGrid transport → benchmark sink", sendGrid) })
        {
            var watch = Stopwatch.StartNew();
            await VoteLatency.ForEachAsync(Enumerable.Range(0, count), 8, i => transport.SendAsync(
                new EmailMessage([new Mailbox($"member{i}@example.org")], $"Ihre Stimme {i}", $"<p>{body}</p><a href=\"http://x/votum/tok{i}\">x</a>", body + $" http://x/votum/tok{i}", $"bench:{i}:{name}"),
                CancellationToken.None));
            report.Add("mail", $"{name}: {count} mails, 8 in parallel", $"{count / watch.Elapsed.TotalSeconds:F0} mails/s");
        }
        var reads = new List<double>();
        for (var r = 0; r < 5; r++)
        {
            var watch = Stopwatch.StartNew();
            _ = await maildev.GetAllAsync();
            reads.Add(watch.Elapsed.TotalMilliseconds);
        }
        report.Add("mail", $"maildev GET /email with {count} mails stored (median)", Report.Ms(Stats.Median(reads)), "what finding one token costs the tests' way");
        sink.Clear();
    }
}
