using Jippnas.Web.Features.Imports;

namespace Jippnas.UnitTests;

public sealed class RegionNamesTests
{
    [Theory]
    [InlineData("Kabupaten Lumajang", "kabupaten lumajang")]
    [InlineData("Kab. Lumajang", "kabupaten lumajang")]
    [InlineData("KAB LUMAJANG", "kabupaten lumajang")]
    [InlineData("Pemkab Lumajang", "kabupaten lumajang")]
    [InlineData("Pemerintah Kabupaten  Lumajang", "kabupaten lumajang")]
    [InlineData("KOTA PALEMBANG", "kota palembang")]
    [InlineData("Pemkot Palembang", "kota palembang")]
    [InlineData("Kota Administrasi Jakarta Selatan", "kota jakarta selatan")]
    [InlineData("Kota Adm. Jakarta Selatan", "kota jakarta selatan")]
    [InlineData("Prov. Jawa Timur", "jawa timur")]
    [InlineData("Pemprov Jawa Timur", "jawa timur")]
    [InlineData("Provinsi Daerah Istimewa Yogyakarta", "daerah istimewa yogyakarta")]
    [InlineData("Kotawaringin Barat", "kotawaringin barat")]
    [InlineData("DKI Jakarta", "daerah khusus ibukota jakarta")]
    [InlineData("Prov. DI Yogyakarta", "daerah istimewa yogyakarta")]
    public void Names_as_sources_write_them_meet_the_reference_name(string written, string normalized) =>
        RegionNames.Normalize(written).ShouldBe(normalized);

    [Fact]
    public void The_bare_name_drops_only_the_level()
    {
        RegionNames.Bare("kabupaten lumajang").ShouldBe("lumajang");
        RegionNames.Bare("kota palembang").ShouldBe("palembang");
        RegionNames.Bare("kotawaringin barat").ShouldBe("kotawaringin barat");
    }
}
