using Google.Rpc;
using Grpc.Core;
using Jbk.BuildingBlocks.Errors;

namespace Jbk.UnitTests.BuildingBlocks;

public sealed class DomainErrorInterceptorTests
{
    [Fact]
    public void Invalid_input_becomes_INVALID_ARGUMENT_naming_the_field()
    {
        var ex = DomainErrorInterceptor.ToRpcException(new OngeldigeInvoerException("startdatum", "De startdatum ontbreekt."));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("De startdatum ontbreekt.", ex.Status.Detail);
        var badRequest = ex.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal("startdatum", badRequest.FieldViolations.Single().Field);
    }

    [Fact]
    public void A_broken_rule_becomes_FAILED_PRECONDITION_with_the_rule_as_reason()
    {
        var ex = DomainErrorInterceptor.ToRpcException(new RegelGeschondenException("MuhpBinnenOts", "Een MUHP hoort bij een lopende OTS."));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("MuhpBinnenOts", info.Reason);
        Assert.Equal("jbk", info.Domain);
    }

    [Theory]
    [InlineData(typeof(NietGevondenException), StatusCode.NotFound)]
    [InlineData(typeof(GeenToegangException), StatusCode.PermissionDenied)]
    [InlineData(typeof(BestaatAlException), StatusCode.AlreadyExists)]
    public void Other_refusals_get_their_own_status_code(Type type, StatusCode expected)
    {
        DomainException domainException = type == typeof(NietGevondenException)
            ? new NietGevondenException("GI", "XYZ")
            : (DomainException)Activator.CreateInstance(type, "uitleg")!;

        var ex = DomainErrorInterceptor.ToRpcException(domainException);

        Assert.Equal(expected, ex.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.Status.Detail));
    }

    [Fact]
    public void Not_found_names_what_was_not_found() =>
        Assert.Equal("GI 'XYZ' bestaat niet.", DomainErrorInterceptor.ToRpcException(new NietGevondenException("GI", "XYZ")).Status.Detail);
}
