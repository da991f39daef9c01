package shop;

public class CartTest {

    public static void main(String[] args) {
        Cart cart = new Cart().add(new Item("tea", 350, 1)).add(new Item("cake", 420, 1));
        Check.equal(cart.totalCents(), 770L, "total of single items");
        Check.equal(Receipt.render(cart), "tea x1  3.50\ncake x1  4.20\nTOTAL  7.70\n", "receipt");
        Check.throwsIllegalArgument(() -> new Item("tea", 350, 0), "quantity below 1 is refused");
    }
}
