namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Screen sizes the pages must work on. Name them in tests with <see cref="ByName"/> (xunit data must be serialisable).</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile, float Scale)
{
    public static Viewport Desktop { get; } = new("desktop", 1280, 900, false, 1);

    /// <summary>A common phone (390 CSS pixels wide), rendered at twice the density so screenshots are sharp.</summary>
    public static Viewport Phone { get; } = new("phone", 390, 844, true, 2);

    /// <summary>The narrowest phone screen still in use (320 CSS pixels, WCAG 1.4.10 reflow's width).</summary>
    public static Viewport Narrow { get; } = new("narrow", 320, 640, true, 2);

    public static Viewport ByName(string name) => name switch
    {
        "narrow" => Narrow,
        "desktop" => Desktop,
        "phone" => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "desktop, phone or narrow"),
    };
}
