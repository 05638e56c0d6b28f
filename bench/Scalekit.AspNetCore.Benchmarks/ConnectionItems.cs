using Microsoft.AspNetCore.Connections.Features;

namespace Scalekit.AspNetCore.Benchmarks;

/// <summary>A connection's items, as Kestrel keeps them for the life of a connection.</summary>
internal sealed class ConnectionItems : IConnectionItemsFeature
{
    public IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
}
