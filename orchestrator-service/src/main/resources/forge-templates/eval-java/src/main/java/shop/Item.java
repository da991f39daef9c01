package shop;

/** A line of the cart: a product name, its unit price in cents and how many. */
public record Item(String name, long unitPriceCents, int quantity) {

    public Item {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }
}
