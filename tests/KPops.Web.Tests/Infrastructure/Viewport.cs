namespace KPops.Web.Tests.Infrastructure;

/// <summary>A screen the tests render on: most fans vote from a phone; producers and the gallery use desktops.</summary>
public sealed record Viewport(string Name, int Width, int Height, float DeviceScaleFactor, bool IsMobile)
{
    /// <summary>A common laptop screen.</summary>
    public static Viewport Desktop { get; } = new("desktop", 1366, 768, 1, IsMobile: false);

    /// <summary>A current phone in portrait (CSS pixels).</summary>
    public static Viewport Phone { get; } = new("phone", 390, 844, 2, IsMobile: true);

    /// <summary>A 1080p broadcast screen, for the reveal.</summary>
    public static Viewport FullHd { get; } = new("1080p", 1920, 1080, 1, IsMobile: false);

    public static IReadOnlyList<Viewport> DesktopAndPhone { get; } = [Desktop, Phone];
}
