package dev.agentteam.orchestrator.user;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** The user feature's public surface. */
@Service
@Transactional(readOnly = true)
public class Users {

    private final UserRepository users;

    Users(UserRepository users) {
        this.users = users;
    }

    public Optional<UserView> find(long id) {
        return users.findById(id).map(User::view);
    }

    public boolean exists(long id) {
        return users.existsById(id);
    }
}
