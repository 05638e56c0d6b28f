using Xunit.Abstractions;

namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>
/// A node test as an xunit row: <see cref="Name"/> is <c>file › test name</c>, shown whole (xunit cuts a string
/// argument at 50 characters, not a type's <see cref="ToString"/>).
/// </summary>
public sealed class NodeTest : IXunitSerializable
{
    [Obsolete("For xunit's deserialization only.")]
    public NodeTest()
    {
    }

    public NodeTest(string name) => Name = name;

    public string Name { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

    public override string ToString() => Name;
}
