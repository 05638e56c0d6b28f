
namespace Scalekit.AspNetCore.Tests.TokenCache;

public sealed class SeenOnceFilterTests
{
    [Fact]
    public void A_tag_is_new_the_first_time_and_seen_the_second()
    {
        // Arrange
        var filter = new SeenOnceFilter(1024);

        // Act
        var first = filter.SeenBefore(0x1234_5678_9abc_def0);
        var second = filter.SeenBefore(0x1234_5678_9abc_def0);

        // Assert
        first.Should().BeFalse();
        second.Should().BeTrue();
    }

    [Fact]
    public void Another_tag_is_not_taken_for_one_seen_before()
    {
        // Arrange
        var filter = new SeenOnceFilter(1024);
        filter.SeenBefore(0x1111_1111_1111_1110);

        // Act
        var other = filter.SeenBefore(0x2222_2222_2222_2220);

        // Assert
        other.Should().BeFalse();
    }

    [Fact]
    public void A_tag_whose_slot_another_tag_took_is_new_again()
    {
        // Arrange: the two tags differ only above the slot bits of a 1,024-slot table
        var filter = new SeenOnceFilter(1024);
        const ulong tag = 0x0000_0000_0000_0010;
        const ulong sameSlot = 0x8000_0000_0000_0010;
        filter.SeenBefore(tag);
        filter.SeenBefore(sameSlot);

        // Act
        var again = filter.SeenBefore(tag);

        // Assert
        again.Should().BeFalse();
    }

    [Fact]
    public void The_zero_tag_is_remembered_like_any_other()
    {
        // Arrange
        var filter = new SeenOnceFilter(1024);

        // Act
        var first = filter.SeenBefore(0);
        var second = filter.SeenBefore(0);

        // Assert
        first.Should().BeFalse();
        second.Should().BeTrue();
    }
}
