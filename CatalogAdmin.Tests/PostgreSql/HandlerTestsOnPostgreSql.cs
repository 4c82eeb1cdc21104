using CatalogAdmin.Tests.Activity;
using CatalogAdmin.Tests.Bulk;
using CatalogAdmin.Tests.Categories;
using CatalogAdmin.Tests.Import;
using CatalogAdmin.Tests.Infrastructure;
using CatalogAdmin.Tests.Persistence;
using CatalogAdmin.Tests.Products;
using CatalogAdmin.Tests.Reliability;
using CatalogAdmin.Tests.Security;

namespace CatalogAdmin.Tests.PostgreSql;

// The same handler tests on PostgreSQL: each class below runs every test of the class it derives from, on a database of
// its own (PostgreSqlTestDatabase, emptied between tests), in the PostgreSQL collection.

[Collection(PostgreSqlCollection.Name)]
public sealed class CreateProductTestsOnPostgreSql(PostgreSqlTestDatabase database) : CreateProductTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class UpdateProductTestsOnPostgreSql(PostgreSqlTestDatabase database) : UpdateProductTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ListProductsTestsOnPostgreSql(PostgreSqlTestDatabase database) : ListProductsTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class FilteredListTestsOnPostgreSql(PostgreSqlTestDatabase database) : FilteredListTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ListCountLimitTestsOnPostgreSql(PostgreSqlTestDatabase database) : ListCountLimitTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class DeleteAndGetProductTestsOnPostgreSql(PostgreSqlTestDatabase database) : DeleteAndGetProductTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class TrashTestsOnPostgreSql(PostgreSqlTestDatabase database) : TrashTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class TrashRetentionTestsOnPostgreSql(PostgreSqlTestDatabase database) : TrashRetentionTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ProductHistoryTestsOnPostgreSql(PostgreSqlTestDatabase database) : ProductHistoryTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ProductStatusAndCategoryTestsOnPostgreSql(PostgreSqlTestDatabase database) : ProductStatusAndCategoryTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ProductNotificationTestsOnPostgreSql(PostgreSqlTestDatabase database) : ProductNotificationTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class BulkActionTestsOnPostgreSql(PostgreSqlTestDatabase database) : BulkActionTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class QuickEditTestsOnPostgreSql(PostgreSqlTestDatabase database) : QuickEditTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class CategoryRaceTestsOnPostgreSql(PostgreSqlTestDatabase database) : CategoryRaceTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class CategoryRulesTestsOnPostgreSql(PostgreSqlTestDatabase database) : CategoryRulesTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class CategoryCountTestsOnPostgreSql(PostgreSqlTestDatabase database) : CategoryCountTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ImportProductsTestsOnPostgreSql(PostgreSqlTestDatabase database) : ImportProductsTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ExportProductsTestsOnPostgreSql(PostgreSqlTestDatabase database) : ExportProductsTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class HostileInputTestsOnPostgreSql(PostgreSqlTestDatabase database) : HostileInputTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ConcurrencyTestsOnPostgreSql(PostgreSqlTestDatabase database) : ConcurrencyTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class RequestAuthorizationTestsOnPostgreSql(PostgreSqlTestDatabase database) : RequestAuthorizationTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class CategoryRequestAuthorizationTestsOnPostgreSql(PostgreSqlTestDatabase database) : CategoryRequestAuthorizationTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class ListActivityTestsOnPostgreSql(PostgreSqlTestDatabase database) : ListActivityTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class MultiRowInsertTestsOnPostgreSql(PostgreSqlTestDatabase database) : MultiRowInsertTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class BatchUndoTestsOnPostgreSql(PostgreSqlTestDatabase database) : BatchUndoTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}

[Collection(PostgreSqlCollection.Name)]
public sealed class MultiRowUpdateTestsOnPostgreSql(PostgreSqlTestDatabase database) : MultiRowUpdateTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override PostgreSqlTestDatabase PostgreSql => database;
}
