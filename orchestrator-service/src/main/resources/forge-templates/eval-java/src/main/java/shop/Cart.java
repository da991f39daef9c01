package shop;

import java.util.ArrayList;
import java.util.List;

/** The items a customer is about to buy. */
public final class Cart {

    private final List<Item> items = new ArrayList<>();

    public Cart add(Item item) {
        items.add(item);
        return this;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** The price of everything in the cart, in cents. */
    public long totalCents() {
        long total = 0;
        for (Item item : items) {
            total += item.unitPriceCents();
        }
        return total;
    }
}
