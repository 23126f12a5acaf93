using MimeKit;

namespace Ratsworkflow.Functions.Email;

/// <summary>An address with an optional display name (RFC 5322 "mailbox"), e.g. <c>Ratsbüro &lt;ratsbuero@example.org&gt;</c>.</summary>
public sealed record Mailbox
{
    public Mailbox(string address, string? displayName = null)
    {
        // MimeKit's parser is the one both transports rely on, so an address it accepts is one we can send to.
        if (!MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address.Trim() || !address.Contains('@'))
        {
            throw new ArgumentException($"'{address}' is not an email address.", nameof(address));
        }
        Address = parsed.Address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
    }

    public string Address { get; }
    public string? DisplayName { get; }

    /// <summary>The part after '@', used to build Message-IDs in the sender's own domain.</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <summary>Parses <c>Name &lt;address&gt;</c> or a bare address (the form configuration uses).</summary>
    public static Mailbox Parse(string value)
    {
        if (!MailboxAddress.TryParse(value, out var parsed) || !parsed.Address.Contains('@'))
        {
            throw new FormatException($"'{value}' is not an email address (expected 'Name <address>' or 'address').");
        }
        return new Mailbox(parsed.Address, parsed.Name);
    }

    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";
}
