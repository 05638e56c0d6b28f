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
        if (await validator.ValidateAsync(context.GetHttpContext()) is { } failure)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, failure.Detail));
        }

        return await continuation(request, context);
    }
}
