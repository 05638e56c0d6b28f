namespace Scalekit.Client.Management;

/// <summary>
/// One page of a management API list, for screens that page by hand (a table with next and previous buttons). To read
/// every item, iterate the <c>List…Async</c> method instead: it follows <see cref="NextPageToken"/> for you.
/// </summary>
/// <typeparam name="T">The listed type.</typeparam>
/// <param name="Items">The items of this page, in the API's order.</param>
/// <param name="NextPageToken">Pass it as <c>pageToken</c> for the next page; <see langword="null"/> on the last page.</param>
/// <param name="PrevPageToken">Pass it as <c>pageToken</c> for the previous page; <see langword="null"/> on the first page.</param>
/// <param name="TotalSize">How many items the list holds in all (<c>total_size</c>, or <c>total_count</c> for API keys), when the API reports it.</param>
public sealed record ScalekitPage<T>(IReadOnlyList<T> Items, string? NextPageToken, string? PrevPageToken, int? TotalSize);
