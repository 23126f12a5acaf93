
using Xunit;

namespace Ratsworkflow.Testing;

/// <summary>One real maildev per test class.</summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private MailDev? _mailDev;

    public MailDev MailDev => _mailDev ?? throw new InvalidOperationException("maildev not started.");

    public async Task InitializeAsync() => _mailDev = await MailDev.StartAsync();

    public async Task DisposeAsync()
    {
        if (_mailDev is not null)
        {
            await _mailDev.DisposeAsync();
        }
    }
}
