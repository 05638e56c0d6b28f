using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Scalekit.Emulator.Management;

/// <summary>
/// The gRPC management API's guard: a refused token is <c>UNAUTHENTICATED</c>, upon which Scalekit's SDKs fetch an
/// environment token from <c>/oauth/token</c> and call again.
/// </summary>
internal sealed class EnvironmentTokenInterceptor(EnvironmentTokenValidator validator) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await EnsureAsync(context);
        return await continuation(request, context);
    }

    // The services have unary methods only; a streaming one added later is guarded the same way, never left open.
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await EnsureAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await EnsureAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await EnsureAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task EnsureAsync(ServerCallContext context)
    {
        if (await validator.ValidateAsync(context.GetHttpContext()) is { } failure)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, failure.Detail));
        }
    }
}
