using System.Reflection;
using System.Runtime.CompilerServices;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>STYLE.md §5: public types are sealed or static on purpose; everything else is internal and sealed or static.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] KitTypes = typeof(ScalekitTestAuthority).Assembly.GetTypes()
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_type_of_the_kit_is_sealed_or_static()
    {
        // Act
        var open = KitTypes.Where(t => t.IsClass && !t.IsSealed).Select(t => t.FullName); // static classes are sealed too

        // Assert
        open.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_authority_its_options_and_the_extension_classes_are_public()
    {
        // Act
        var visible = KitTypes.Where(t => t.IsVisible).Select(t => t.Name);

        // Assert
        visible.Should().BeEquivalentTo(
            nameof(ScalekitTestAuthority),
            nameof(ScalekitTestAuthorityOptions),
            nameof(Microsoft.Extensions.DependencyInjection.ScalekitTestAuthorityExtensions),
            nameof(ScalekitWebHostExtensions),
            nameof(ScalekitHttpClientExtensions));
    }
}
