using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Storage;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>The configuration keys of docs/design.md §2, and the whole stack (DI → renderer → ledger → SMTP) once end to end.</summary>
public sealed class EmailRegistrationTests(AzuriteFixture azurite, MailDevFixture mailDev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public void AddEmail_NoSettings_SmtpToLocalhost1025FromRatsbuero()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal(EmailProvider.Smtp, options.Provider);
        Assert.Equal("localhost", options.Smtp.Host);
        Assert.Equal(1025, options.Smtp.Port);
        Assert.Equal("Ratsbüro <ratsbuero@example.org>", options.From);
        var transport = Assert.IsType<IdempotentEmailTransport>(services.GetRequiredService<IEmailTransport>());
        Assert.IsType<SmtpEmailTransport>(transport.Inner);
    }

    [Theory]
    [InlineData("SendGrid", typeof(SendGridEmailTransport))]
    [InlineData("Null", typeof(NullEmailTransport))]
    [InlineData("smtp", typeof(SmtpEmailTransport))]
    public void AddEmail_Provider_ChoosesTransportBehindTheLedger(string provider, Type expected)
    {
        using var services = Build(new() { ["Email:Provider"] = provider, ["Email:SendGrid:ApiKey"] = "SG.key" });

        var transport = Assert.IsType<IdempotentEmailTransport>(services.GetRequiredService<IEmailTransport>());

        Assert.IsType(expected, transport.Inner);
    }

    [Fact]
    public void AddEmail_SendGridWithoutApiKey_FailsValidationNamingTheKey()
    {
        using var services = Build(new() { ["Email:Provider"] = "SendGrid" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains("Email:SendGrid:ApiKey", error.Message);
    }

    [Fact]
    public async Task NotificationSender_NullProviderSameKeyTwice_CountsOne()
    {
        using var services = Build(new() { ["Email:Provider"] = "Null" });
        var sender = services.GetRequiredService<NotificationSender>();

        await sender.SendAsync(Samples.OfKind(nameof(MotionOverdue)), "instance-n:1", CancellationToken.None);
        await sender.SendAsync(Samples.OfKind(nameof(MotionOverdue)), "instance-n:1", CancellationToken.None);

        Assert.Equal(1, services.GetRequiredService<NullEmailTransport>().SentCount);
    }

    [Fact]
    public async Task NotificationSender_SameKeyTwiceThroughSmtp_MaildevReceivesOneMailPerRecipient()
    {
        using var services = Build(new()
        {
            ["App:PublicBaseUrl"] = "https://rat.example.org/",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = mailDev.MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var member = new Mailbox($"mitglied-{Guid.NewGuid():N}@example.org", "Ayşe Yılmaz");
        var clerk = new Mailbox($"ratsbuero-{Guid.NewGuid():N}@example.org");
        var notification = Samples.OfKind(nameof(BeiratResultAnnounced)) with { To = [member, clerk] };
        var sender = services.GetRequiredService<NotificationSender>();

        await sender.SendAsync(notification, "instance-e2e:12", CancellationToken.None);
        await sender.SendAsync(notification, "instance-e2e:12", CancellationToken.None); // the activity ran again

        var mails = await mailDev.MailDev.WaitForAsync(all => all.Any(m => m.IsTo(member.Address)) && all.Any(m => m.IsTo(clerk.Address)));
        var mine = mails.Where(m => m.IsTo(member.Address) || m.IsTo(clerk.Address)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, mail => Assert.Single(mail.To));
        Assert.Equal("[A/2026/0042] Ergebnis der Abstimmung im Beirat: Mehr Radwege in der Südstadt", mine[0].Subject);
        Assert.Contains("href=\"https://rat.example.org/antrag/m-7f3a/status/status-token\"", mine[0].Html);
        Assert.Contains("Stimmen: Ja 7, Nein 2, Enthaltung 1", mine[0].Text);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings[StorageRegistration.ConnectionStringKey] = azurite.ConnectionString;
        settings.TryAdd("Email:Idempotency:Table", AzuriteFixture.UniqueName("ledger"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddStorageClients(configuration)
            .AddEmail(configuration)
            .BuildServiceProvider();
    }
}
