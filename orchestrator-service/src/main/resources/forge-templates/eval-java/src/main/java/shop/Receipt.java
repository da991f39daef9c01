package shop;

/** The printed receipt of a cart: one line per item, then the total. */
public final class Receipt {

    private Receipt() {
    }

    public static String render(Cart cart) {
        StringBuilder out = new StringBuilder();
        for (Item item : cart.items()) {
            out.append(item.name().strip()).append(" x").append(item.quantity()).append("  ")
                    .append(Money.format(item.unitPriceCents() * item.quantity())).append('\n');
        }
        out.append("TOTAL  ").append(Money.format(cart.totalCents())).append('\n');
        return out.toString();
    }
}
