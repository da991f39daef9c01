package shop;

public class HeldOutUnnamedItemTest {

    public static void main(String[] args) {
        Cart cart = new Cart().add(new Item(null, 100, 1)).add(new Item("  ", 200, 1)).add(new Item("tea", 350, 1));
        String receipt = Receipt.render(cart);
        Check.equal(receipt.startsWith("(unnamed) x1  1.00\n(unnamed) x1  2.00\ntea x1  3.50\n"), true, "unnamed items print");
    }
}
