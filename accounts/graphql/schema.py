"""Account queries and mutations (accountRegister, tokenCreate, me, addresses...)."""

import graphene


class AccountQueries(graphene.ObjectType):
    pass


class AccountMutations(graphene.ObjectType):
    pass
