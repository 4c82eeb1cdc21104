using CatalogAdmin.Core.Categories;
using CatalogAdmin.Core.Products;

namespace CatalogAdmin.Core.Persistence;

/// <summary>About twenty realistic products in a few categories, so a fresh install has something to look at.</summary>
internal static class DemoCatalog
{
    public static (IReadOnlyList<Category> Categories, IReadOnlyList<Product> Products) Create(DateTimeOffset now)
    {
        string[] categoryNames = ["Laptops", "Mice & keyboards", "Monitors", "Audio", "Storage", "Cameras", "Smart home", "Accessories"];
        var categories = categoryNames.Select(name => new Category(name, now)).ToDictionary(c => c.Name);

        (string Name, string Sku, string Description, decimal Price, int Stock, string Category, ProductStatus Status)[] products =
        [
            ("Dell XPS 15 Laptop", "DELL-XPS15-9530", "15.6\" OLED, Intel Core i7, 32 GB RAM, 1 TB SSD.", 2199.00m, 12, "Laptops", ProductStatus.Active),
            ("Apple MacBook Air 13\" M3", "APPLE-MBA13-M3", "8-core CPU, 16 GB unified memory, 512 GB SSD, Midnight.", 1299.00m, 8, "Laptops", ProductStatus.Active),
            ("Lenovo ThinkPad X1 Carbon Gen 12", "LEN-X1C-G12", "14\" 2.8K display, Intel Core Ultra 7, 32 GB RAM.", 1849.50m, 4, "Laptops", ProductStatus.Active),
            ("Logitech MX Master 3S Mouse", "LOGI-MXM3S-GR", "Wireless performance mouse with quiet clicks, graphite.", 99.99m, 57, "Mice & keyboards", ProductStatus.Active),
            ("Logitech MX Keys S Keyboard", "LOGI-MXKS-US", "Backlit wireless keyboard, US layout.", 109.99m, 33, "Mice & keyboards", ProductStatus.Active),
            ("Samsung Odyssey G7 27\" Monitor", "SAM-G7-27", "27\" QHD 240 Hz curved gaming monitor.", 529.00m, 6, "Monitors", ProductStatus.Active),
            ("LG UltraFine 4K 24\" Monitor", "LG-24UD58-B", "24\" 4K IPS monitor with FreeSync.", 249.90m, 2, "Monitors", ProductStatus.Archived),
            ("Sony WH-1000XM5 Headphones", "SONY-WH1000XM5-B", "Noise-cancelling wireless headphones, black.", 399.00m, 21, "Audio", ProductStatus.Active),
            ("Apple AirPods Pro (2nd gen)", "APPLE-APP2-USBC", "Active noise cancellation, USB-C MagSafe case.", 249.00m, 40, "Audio", ProductStatus.Active),
            ("Anker 737 Power Bank", "ANK-737-24K", "24,000 mAh, 140 W USB-C power delivery.", 89.99m, 0, "Accessories", ProductStatus.Active),
            ("Samsung T7 Shield 2 TB SSD", "SAM-T7S-2TB", "Rugged portable SSD, USB 3.2 Gen 2.", 159.99m, 18, "Storage", ProductStatus.Active),
            ("SanDisk Extreme 256 GB microSD", "SD-EXT-256", "A2 UHS-I card, 190 MB/s read.", 24.99m, 120, "Storage", ProductStatus.Active),
            ("Raspberry Pi 5 (8 GB)", "RPI5-8GB", "Quad-core Arm Cortex-A76 single-board computer.", 80.00m, 3, "Accessories", ProductStatus.Draft),
            ("Keychron K2 Pro Keyboard", "KEY-K2P-BRN", "75% mechanical keyboard, hot-swappable, brown switches.", 109.00m, 14, "Mice & keyboards", ProductStatus.Active),
            ("Elgato Stream Deck MK.2", "ELG-SDMK2", "15 customizable LCD keys.", 149.99m, 9, "Accessories", ProductStatus.Active),
            ("Anker USB-C Hub 7-in-1", "ANK-HUB-7IN1", "4K HDMI, 100 W pass-through, SD and microSD readers.", 35.99m, 64, "Accessories", ProductStatus.Active),
            ("Belkin 3-in-1 MagSafe Charger", "BLK-MAGSAFE-3IN1", "Charges iPhone, Apple Watch and AirPods at once.", 129.95m, 1, "Accessories", ProductStatus.Active),
            ("Canon EOS R50 Camera Kit", "CAN-R50-KIT", "24.2 MP mirrorless camera with RF-S 18-45 mm lens.", 799.00m, 5, "Cameras", ProductStatus.Active),
            ("GoPro HERO12 Black", "GOPRO-H12-BLK", "5.3K60 video, HyperSmooth 6.0 stabilisation.", 399.99m, 11, "Cameras", ProductStatus.Draft),
            ("Philips Hue White & Color Starter Kit", "PHL-HUE-E27-3", "Three E27 bulbs and the Hue Bridge.", 179.99m, 25, "Smart home", ProductStatus.Active),
            ("TP-Link Deco X55 Mesh Wi-Fi (3-pack)", "TPL-DECO-X55-3", "Wi-Fi 6 mesh system covering up to 6,500 sq ft.", 199.99m, 7, "Smart home", ProductStatus.Active),
            ("USB-C Cable 2 m (braided)", "CBL-USBC-2M", "100 W, USB 2.0 data, braided nylon.", 9.99m, 310, "Accessories", ProductStatus.Active),
        ];

        // Stagger the times a little so "Updated" sorts like a catalog that has a history.
        var created = products.Select((p, index) => new Product(
            new ProductFields(p.Name, p.Sku, p.Description, p.Price, p.Stock, p.Status, categories[p.Category].Id),
            now.AddMinutes(-7 * (products.Length - index)))).ToList();
        return ([.. categories.Values], created);
    }
}
