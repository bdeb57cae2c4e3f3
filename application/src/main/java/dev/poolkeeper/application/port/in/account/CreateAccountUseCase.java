package dev.poolkeeper.application.port.in.account;

/** Admin only: create an account and its first API key. */
public interface CreateAccountUseCase {
    AccountCreated createAccount(CreateAccountCommand command);
}
