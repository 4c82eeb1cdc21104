namespace CatalogAdmin.Core.Persistence.PostgreSql;

/// <summary>
/// What the PostgreSQL catalog needs beyond EF Core's model, applied by its initial migration: the count of live
/// products and each category's, kept by a trigger as SQLite's triggers keep them; catalog_has_word, the app's
/// word-start rule for one- and two-character searches; and the sort indexes on lower("Name") and lower("Sku").
/// </summary>
internal static class PostgreSqlCatalogSql
{
    public const string Create = """
        CREATE TABLE "ProductCount" ("Id" integer PRIMARY KEY, "Value" integer NOT NULL);
        INSERT INTO "ProductCount" ("Id", "Value") SELECT 1, count(*) FROM "Products" WHERE "DeletedAt" IS NULL;

        -- A word starts at the key's start or after a character that is not a letter or digit (ProductSearchText).
        -- The prefix holds only letters and digits, so it needs no escaping in the pattern.
        CREATE FUNCTION catalog_has_word(key text, prefix text) RETURNS boolean
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT key ~ ('(^|[^[:alnum:]])' || prefix) $$;

        -- Live products only, as on SQLite. Both categories' rows are locked in one order first, so two saves moving
        -- products between the same two categories in opposite directions cannot deadlock.
        CREATE FUNCTION catalog_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            old_live boolean := TG_OP <> 'INSERT' AND OLD."DeletedAt" IS NULL;
            new_live boolean := TG_OP <> 'DELETE' AND NEW."DeletedAt" IS NULL;
            old_category uuid := CASE WHEN TG_OP <> 'INSERT' THEN OLD."CategoryId" END;
            new_category uuid := CASE WHEN TG_OP <> 'DELETE' THEN NEW."CategoryId" END;
        BEGIN
            IF old_live <> new_live THEN
                UPDATE "ProductCount" SET "Value" = "Value" + CASE WHEN new_live THEN 1 ELSE -1 END WHERE "Id" = 1;
            END IF;
            IF old_live <> new_live OR old_category IS DISTINCT FROM new_category THEN
                PERFORM 1 FROM "Categories" WHERE "Id" IN (old_category, new_category) ORDER BY "Id" FOR UPDATE;
                IF old_live AND old_category IS NOT NULL THEN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" - 1 WHERE "Id" = old_category;
                END IF;
                IF new_live AND new_category IS NOT NULL THEN
                    UPDATE "Categories" SET "ProductCount" = "ProductCount" + 1 WHERE "Id" = new_category;
                END IF;
            END IF;
            RETURN NULL;
        END $$;

        CREATE TRIGGER "Products_KeepCounts" AFTER INSERT OR DELETE OR UPDATE OF "CategoryId", "DeletedAt" ON "Products"
            FOR EACH ROW EXECUTE FUNCTION catalog_keep_counts();

        -- Every sortable column has an index ending in the Id tie-break, in the list's own order (names and SKUs
        -- ignoring ASCII case, as SQLite's NOCASE).
        CREATE INDEX "IX_Products_NameKey_Id" ON "Products" (lower("Name"), "Id");
        CREATE INDEX "IX_Products_SkuKey_Id" ON "Products" (lower("Sku"), "Id");
        CREATE INDEX "IX_Products_Status_NameKey_Id" ON "Products" ("Status", lower("Name"), "Id");
        CREATE INDEX "IX_Products_CategoryId_NameKey_Id" ON "Products" ("CategoryId", lower("Name"), "Id");
        CREATE INDEX "IX_Products_CategoryId_SkuKey_Id" ON "Products" ("CategoryId", lower("Sku"), "Id");
        CREATE INDEX "IX_Products_CategoryId_Status_NameKey_Id" ON "Products" ("CategoryId", "Status", lower("Name"), "Id");
        CREATE INDEX "IX_Categories_NameKey_Id" ON "Categories" (lower("Name"), "Id");
        """;

    public const string Drop = """
        DROP TRIGGER "Products_KeepCounts" ON "Products";
        DROP FUNCTION catalog_keep_counts();
        DROP FUNCTION catalog_has_word(text, text);
        DROP TABLE "ProductCount";
        """;
}
