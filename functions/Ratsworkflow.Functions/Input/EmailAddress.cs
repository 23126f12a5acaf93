using System.Text.RegularExpressions;

namespace Ratsworkflow.Functions.Input;

/// <summary>
/// A plain mailbox address as people type it into a form. Stricter than <see cref="System.Net.Mail.MailAddress"/>,
/// which also accepts display names and comments that have no place in a field that only takes an address.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }
        var at = value.IndexOf('@');
        if (at <= 0 || at > 64 || at != value.LastIndexOf('@'))
        {
            return false;
        }
        var local = value[..at];
        var domain = value[(at + 1)..];
        return LocalPart().IsMatch(local)
            && domain.Contains('.')
            && domain.Split('.').All(label => DomainLabel().IsMatch(label));
    }

    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*\z")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\z")]
    private static partial Regex DomainLabel();
}
