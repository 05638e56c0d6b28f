using System.Reflection;
using System.Runtime.CompilerServices;
using Scalekit.Client.Management;

namespace Scalekit.Client.Tests;

/// <summary>The package's types are sealed or static, so that nothing outside it depends on a type being open.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] ClientTypes = typeof(ScalekitManagementClient).Assembly.GetTypes()
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_class_of_the_package_is_sealed_or_static()
    {
        // Act
        var open = ClientTypes.Where(t => t.IsClass && !t.IsSealed).Select(t => t.FullName); // static classes are sealed too

        // Assert
        open.Should().BeEmpty();
    }
}
