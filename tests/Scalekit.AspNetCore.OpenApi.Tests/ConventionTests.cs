using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.OpenApi.Tests;

/// <summary>The package is small on purpose: sealed or static types, two public ones.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] PackageTypes = typeof(ScalekitOpenApiOptions).Assembly.GetTypes()
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_type_of_the_package_is_sealed_or_static()
    {
        // Act
        var open = PackageTypes.Where(t => t.IsClass && !t.IsSealed).Select(t => t.FullName);

        // Assert
        open.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_options_and_the_extension_class_are_public()
    {
        // Act
        var visible = PackageTypes.Where(t => t.IsVisible).Select(t => t.FullName);

        // Assert
        visible.Should().BeEquivalentTo(typeof(ScalekitOpenApiOptions).FullName, typeof(ScalekitOpenApiOptionsExtensions).FullName);
    }
}
