using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ratsworkflow.Functions.References;

/// <summary>A motion's reference (Aktenzeichen / Drucksachennummer), e.g. <c>A/2026/0042</c>.</summary>
public readonly record struct Reference(string Prefix, int Year, int Number)
{
    /// <summary>Digits of the number part; more digits appear once a year has more than 9999 motions.</summary>
    public const int Digits = 4;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{Year}/{Number.ToString("D" + Digits, CultureInfo.InvariantCulture)}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out Reference? reference)
    {
        reference = null;
        var parts = text?.Split('/');
        if (parts is not [var prefix, var year, var number]
            || !ReferenceSeries.IsValidPrefix(prefix)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < 1)
        {
            return false;
        }
        reference = new Reference(prefix, y, n);
        return true;
    }
}
